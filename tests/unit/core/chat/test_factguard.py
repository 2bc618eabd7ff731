"""The fact guard on the seed's KITAS and PT PMA texts, in English, Indonesian and Italian."""

from __future__ import annotations

import pytest

from desktop.core.chat.factguard import check_facts, extract, parse_number

# --- the seed's texts ---------------------------------------------------------------------------------------

KITAS_DRY = (
    "KITAS is an Indonesian limited stay permit. Requirements: valid passport, sponsor letter, "
    "medical check, photos, insurance. Processing: 4-6 weeks."
)
KITAS_SEED_WARM = """KITAS (Kartu Izin Tinggal Terbatas) is your Indonesian residency
permit - basically your ticket to living in Bali long-term!

Here's what you'll need:
- Valid passport (18+ months validity)
- Sponsor letter (from your PT PMA or Indonesian spouse)
- Medical check from authorized hospital
- Recent photos
- Health insurance

Takes about 4-6 weeks to process. Need help with this? I can walk you through it! 😊"""
# What the bundled 135M model actually wrote for the dry text (insurance dropped, range cut to "4 weeks").
KITAS_BUNDLED = (
    "KITAS is an Indonesian limited stay permit. Requirements: a valid passport, sponsor letter, medical "
    "check-in photos; 4 weeks processing time."
)
PT_DRY = (
    "PT PMA capital requirements:\n- Authorized capital: IDR 10 billion\n- Paid-up capital: minimum 25%\n"
    "- Sector-specific variations apply"
)
PT_SEED_WRAPPED = """Hey! Great question about PT PMA - let me break this down for you

PT PMA capital requirements:
- Authorized capital: IDR 10 billion
- Paid-up capital: minimum 25%
- Sector-specific variations apply

Hope this helps! Let me know if you need more details about setting up your company - I'm here to help! 🚀"""
PT_BUNDLED = (
    "PPT PMA capital requirements:\n- Authorized capital: 10 billion USD\n- Paid-up capital: minimum 25% of "
    "the total capital allocated to each sector.\nThis includes a variety of tax credits and deductions, "
    "including taxes on income earned within the PTRS region (US$34 million)."
)

# --- the same in Indonesian and Italian ---------------------------------------------------------------------

KITAS_DRY_ID = (
    "KITAS adalah izin tinggal terbatas di Indonesia. Persyaratan: paspor yang masih berlaku, surat sponsor, "
    "pemeriksaan kesehatan, foto, asuransi. Proses: 4-6 minggu."
)
KITAS_WARM_ID = (
    "Tenang saja, KITAS adalah izin tinggal terbatas Anda di Indonesia! Yang Anda perlukan:\n"
    "- paspor yang masih berlaku\n- surat sponsor\n- pemeriksaan kesehatan\n- foto terbaru\n- asuransi\n"
    "Prosesnya memakan waktu sekitar 4-6 minggu. Kami siap membantu Bapak dan Ibu!"
)
KITAS_DRY_IT = (
    "Il KITAS è un permesso di soggiorno limitato in Indonesia. Requisiti: passaporto valido, lettera dello "
    "sponsor, visita medica, foto, assicurazione. Tempi di elaborazione: 4-6 settimane."
)
KITAS_WARM_IT = (
    "Che bella domanda! Il KITAS è il Suo permesso di soggiorno limitato in Indonesia. Le servono:\n"
    "- passaporto valido\n- lettera dello sponsor\n- visita medica\n- foto recenti\n- assicurazione\n"
    "L'elaborazione richiede da 4 a 6 settimane. Sono qui per aiutarLa!"
)
PT_DRY_ID = "Persyaratan modal PT PMA:\n- Modal dasar: Rp 10 miliar\n- Modal disetor: minimal 25 persen"
PT_WARM_ID = (
    "Pertanyaan bagus! Untuk PT PMA, modal dasar adalah Rp 10.000.000.000 dan modal disetor sedikitnya 25%. "
    "Semoga membantu!"
)
PT_DRY_IT = (
    "Requisiti di capitale per una PT PMA:\n- Capitale autorizzato: 10 miliardi di IDR\n"
    "- Capitale versato: minimo 25%"
)
PT_WARM_IT = (
    "Ottima domanda! Per una PT PMA il capitale autorizzato è di IDR 10.000.000.000 e il capitale versato "
    "almeno il 25 per cento. A presto!"
)


def test_identical_text_passes() -> None:
    for text in (KITAS_DRY, PT_DRY, KITAS_DRY_ID, KITAS_DRY_IT, PT_DRY_ID, PT_DRY_IT):
        report = check_facts(text, text)
        assert report.passed, (text, report)


def test_seed_wrapper_keeps_every_fact() -> None:
    report = check_facts(PT_DRY, PT_SEED_WRAPPED)
    assert report.passed, report.summary()


def test_seed_warm_kitas_rewrite_is_flagged_for_what_it_adds() -> None:
    """Decision: the seed's own rewrite adds facts the original never said, so the user gets the original."""
    report = check_facts(KITAS_DRY, KITAS_SEED_WARM)
    assert not report.passed
    assert report.missing == []  # everything of the original survives (insurance, 4-6 weeks as processing)
    assert "18+ months (validity)" in report.added
    assert {"PT", "PMA"} <= set(report.added)
    assert "Kartu Izin Tinggal Terbatas" in report.added
    assert "Bali" not in report.added  # the setting may be named freely


def test_bundled_model_kitas_rewrite_loses_insurance_and_the_range() -> None:
    report = check_facts(KITAS_DRY, KITAS_BUNDLED)
    assert not report.passed
    assert "insurance" in report.missing
    assert "4-6 weeks (processing)" in report.missing
    assert report.kinds["list_items"]["missing"] == ["insurance"]


def test_processing_time_turned_into_validity_is_broken() -> None:
    rewrite = (
        "Good news: your KITAS is valid for 4-6 weeks! You need a valid passport, sponsor letter, "
        "medical check, photos and insurance, Indonesian style."
    )
    report = check_facts(KITAS_DRY, rewrite)
    assert not report.passed
    assert report.kinds["durations"] == {
        "missing": ["4-6 weeks (processing)"],
        "added": ["4-6 weeks (validity)"],
    }


def test_bundled_model_pt_pma_rewrite_swaps_currency_and_invents_figures() -> None:
    report = check_facts(PT_DRY, PT_BUNDLED)
    assert not report.passed
    assert "IDR 10 billion" in report.missing
    assert "10 billion USD" in report.added
    assert "US$34 million" in report.added
    assert "PTRS" in report.added
    assert "Sector-specific variations apply" in report.missing


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        (KITAS_DRY_ID, KITAS_WARM_ID),
        (KITAS_DRY_IT, KITAS_WARM_IT),
        (PT_DRY_ID, PT_WARM_ID),
        (PT_DRY_IT, PT_WARM_IT),
    ],
    ids=["kitas-id", "kitas-it", "pt-id", "pt-it"],
)
def test_faithful_warm_rewrites_pass_in_indonesian_and_italian(original: str, rewrite: str) -> None:
    report = check_facts(original, rewrite)
    assert report.passed, report.summary()


def test_indonesian_rewrite_dropping_insurance_and_moving_the_duration_fails() -> None:
    rewrite = (
        "KITAS adalah izin tinggal terbatas di Indonesia. Anda perlu paspor yang masih berlaku, "
        "surat sponsor, pemeriksaan kesehatan dan foto. KITAS berlaku 4-6 minggu."
    )
    report = check_facts(KITAS_DRY_ID, rewrite)
    assert not report.passed
    assert "asuransi" in report.missing
    assert "4-6 minggu (validity)" in report.added


def test_italian_rewrite_dropping_insurance_and_changing_the_range_fails() -> None:
    rewrite = (
        "Il KITAS è un permesso di soggiorno limitato in Indonesia. Le servono passaporto valido, "
        "lettera dello sponsor, visita medica e foto. Tempi di elaborazione: circa 2 settimane."
    )
    report = check_facts(KITAS_DRY_IT, rewrite)
    assert not report.passed
    assert "assicurazione" in report.missing
    assert "4-6 settimane (processing)" in report.missing
    assert "2 settimane (processing)" in report.added


def test_amounts_in_another_currency_or_scale_are_broken_in_every_language() -> None:
    assert not check_facts(PT_DRY_ID, PT_WARM_ID.replace("Rp 10.000.000.000", "Rp 1 miliar")).passed
    assert not check_facts(PT_DRY_IT, PT_WARM_IT.replace("IDR 10.000.000.000", "10 miliardi di euro")).passed
    report = check_facts(PT_DRY, PT_DRY.replace("minimum 25%", "minimum 20%"))
    assert report.missing == ["25%"] and report.added == ["20%"]


def test_number_normalisation() -> None:
    assert parse_number("1.000.000") == parse_number("1,000,000") == 1_000_000
    assert parse_number("2,5") == parse_number("2.5") == 2.5
    assert parse_number("enam") == 6
    # scale words in all three languages mean the same value
    texts = (
        "IDR 10 billion",
        "Rp 10 miliar",
        "10 miliardi di IDR",
        "Rp 10.000.000.000",
        "10,000,000,000 rupiah",
    )
    amounts = [set(extract(text).by_kind["amounts"]) for text in texts]
    assert all(found == {("IDR", 1e10)} for found in amounts), amounts


def test_urls_emails_dates_and_new_acronyms() -> None:
    original = "Apply at https://evisa.imigrasi.go.id or write to info@example.com before 31 March 2025."
    assert check_facts(
        original,
        "You can apply at https://evisa.imigrasi.go.id/ or write to info@example.com before 31 March 2025 :)",
    ).passed
    report = check_facts(
        original, "Apply at https://evisa.example.org, write to help@example.com by 1 April 2025 via BKPM."
    )
    assert {"https://evisa.imigrasi.go.id", "info@example.com", "31 March 2025"} <= set(report.missing)
    assert {"https://evisa.example.org", "help@example.com", "1 April 2025", "BKPM"} <= set(report.added)
    # the same date in Italian and Indonesian
    assert check_facts("entro il 31 marzo 2025", "entro il 31 marzo 2025, grazie!").passed
    assert not check_facts("sebelum 31 Maret 2025", "sebelum 30 Maret 2025").passed


def test_renumbering_a_list_and_honorifics_add_nothing() -> None:
    original = "Requirements: valid passport, sponsor letter, photos."
    rewrite = "Bapak/Ibu, here is what you need:\n1. Valid passport\n2. Sponsor letter\n3. Photos"
    assert check_facts(original, rewrite).passed


def test_minimum_may_be_said_as_at_least_but_dropped_list_words_are_missing() -> None:
    assert check_facts(PT_DRY, PT_DRY.replace("minimum 25%", "at least 25%")).passed
    report = check_facts(PT_DRY, PT_DRY.replace("- Sector-specific variations apply", ""))
    assert report.missing == ["Sector-specific variations apply"]
