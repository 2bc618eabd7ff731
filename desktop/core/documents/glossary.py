"""The consultancy's words in English, Indonesian and Italian, for the words index across languages.

FTS5 matches words as written: "rimborso" never finds the English refund policy, "biaya" never the English fee
table. A question's terms found here add the same concept's terms in the other languages to a second words
query (``hybrid``), so exact-term search reaches a document in another language as the vectors do. The table
is the team's working vocabulary (visa, company, tax and office terms), not a general dictionary.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One concept per row: English | Indonesian | Italian; synonyms separated by commas.
CONCEPTS = """
fee, cost, price, charge | biaya, harga, tarif, ongkos | costo, prezzo, tariffa, onorario
government fee | biaya pemerintah, PNBP | tassa governativa, diritti governativi
surcharge, extra charge | biaya tambahan | supplemento, sovrapprezzo
discount | diskon, potongan | sconto
deposit, down payment | uang muka, deposit, DP | acconto, deposito, anticipo
payment, pay, paid | pembayaran, bayar, dibayar | pagamento, pagare, pagato
refund, refunded | pengembalian dana, refund, dikembalikan | rimborso, rimborsare, rimborsato
invoice | faktur, tagihan, invoice | fattura
passport | paspor | passaporto
lost, stolen | hilang, dicuri | smarrito, smarrimento, rubato, furto
police report | laporan polisi, surat keterangan kehilangan | denuncia
spouse, wife, husband | suami, istri, pasangan | coniuge, moglie, marito
child, children, son, daughter | anak | figlio, figli, figlia
birth certificate | akta kelahiran | certificato di nascita, atto di nascita
marriage certificate | buku nikah, akta perkawinan, akta nikah | certificato di matrimonio
family | keluarga | famiglia, familiare, familiari
sponsor | sponsor, penjamin | sponsor, garante
guarantee letter | surat jaminan | lettera di garanzia
sponsor letter | surat sponsor | lettera sponsor
signature, signed, sign | tanda tangan, ditandatangani | firma, firmata, firmare
stamp duty | materai, meterai, e-materai | marca da bollo
original | asli | originale
copy | salinan, fotokopi | copia
translation, translated | terjemahan, penerjemah | traduzione, tradotto
legalised, apostille | legalisasi, apostille | legalizzazione, apostille
working days | hari kerja | giorni lavorativi
how long, duration, processing time | berapa lama, lama proses, waktu proses | quanto tempo, durata, tempi
deadline | batas waktu, paling lambat, tenggat | scadenza, entro, termine
expiry, expires, expired | habis, berakhir, kedaluwarsa | scadenza, scade, scaduto
reminder | pengingat | promemoria
renewal, renew, extension, extend | perpanjangan, perpanjang | rinnovo, rinnovare, proroga
rejection, rejected, refused | ditolak, penolakan | rifiuto, rifiutata, respinta
penalty, fines | denda, sanksi | multa, sanzione
overstay | overstay, melebihi izin tinggal | overstay, permanenza oltre
exit permit | izin keluar | permesso di uscita
leave Indonesia, departure | meninggalkan Indonesia, keberangkatan | lasciare l'Indonesia, partenza
arrival | kedatangan, tiba | arrivo
immigration office | kantor imigrasi | ufficio immigrazione
appointment | janji temu, jadwal | appuntamento
biometrics, fingerprints | biometrik, sidik jari | biometria, impronte
photo | foto, pas foto | foto, fototessera
scan | scan, pindai | scansione
phone, mobile | HP, ponsel, telepon | telefono, cellulare
email | email, surel | email, posta elettronica
template | template, contoh surat | modello
group chat, WhatsApp group | grup WA, grup WhatsApp | gruppo WhatsApp
validity, valid | masa berlaku, berlaku | validità, valido
requirements, required documents | persyaratan, syarat, dokumen | requisiti, documenti
checklist | daftar periksa, checklist | lista di controllo, checklist
procedure, steps | prosedur, alur, langkah | procedura, passaggi, iter
employee, staff, worker | karyawan, pegawai, pekerja | dipendente, dipendenti, lavoratore
work permit, working | izin kerja, bekerja | permesso di lavoro, lavorare
job, business | pekerjaan, usaha, bisnis | lavoro, attività, affari
tax | pajak | tasse, imposte
tax return | SPT, laporan pajak | dichiarazione dei redditi
tax number | NPWP | codice fiscale
health insurance | BPJS Kesehatan, asuransi kesehatan | assicurazione sanitaria
company | perusahaan, PT | società, azienda
shareholder | pemegang saham | socio, azionista
director | direktur | direttore, amministratore
capital | modal | capitale
business licence | NIB, izin usaha | licenza
registered office, address | domisili, alamat kantor | sede legale, indirizzo
virtual office | kantor virtual | ufficio virtuale
office | kantor | ufficio
holiday, closed | libur, tutup | festività, chiuso, chiusura
on call, emergency | piket, darurat | reperibilità, emergenza
quarterly report | laporan triwulan, LKPM | rapporto trimestrale, rendicontazione
quarter | triwulan, kuartal | trimestre
client, customer | klien, pelanggan | cliente, clienti
case handler | case handler, penanggung jawab | referente, case handler
notary | notaris | notaio
deed | akta | atto
bank account | rekening bank | conto bancario
proof of funds | bukti dana | prova dei fondi
retirement | pensiun | pensione
second home | second home, rumah kedua | second home, seconda casa
visit visa, tourist | visa kunjungan, turis | visto di visita, turista
visa on arrival | visa on arrival, VOA | visto all'arrivo
permanent stay | izin tinggal tetap, KITAP | soggiorno permanente
"""

_WORD = re.compile(r"\w+", re.UNICODE)
STEM = 6  # a word of more letters matches a term by its first STEM letters ("rimborsiamo" ~ "rimborso")


@lru_cache(maxsize=1)
def _table() -> list[list[list[str]]]:
    rows = []
    for line in CONCEPTS.strip().splitlines():
        rows.append([[t.strip() for t in cell.split(",") if t.strip()] for cell in line.split("|")])
    return rows


def _stem(word: str) -> str:
    """The first STEM letters of a long word; a shorter one without its final vowel ("costa" ~ "costo")."""
    if len(word) > STEM:
        return word[:STEM]
    return word[:-1] if len(word) >= 5 and word[-1] in "aeiou" else word


def _key(word: str) -> str:
    """What a single word is looked up by: its stem (the word itself below 5 letters)."""
    return _stem(word)


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, set[tuple[int, int]]], list[tuple[str, int, int]]]:
    """Single-word terms by ``_key`` and the multi-word phrases, each with its (concept row, language cell)."""
    words: dict[str, set[tuple[int, int]]] = {}
    phrases: list[tuple[str, int, int]] = []
    for n, row in enumerate(_table()):
        for c, cell in enumerate(row):
            for term in cell:
                parts = [w.casefold() for w in _WORD.findall(term)]
                if len(parts) == 1:
                    words.setdefault(_key(parts[0]), set()).add((n, c))
                elif parts:
                    phrases.append((" ".join(parts), n, c))
    return words, phrases


def _named(text: str) -> list[tuple[int, list[int]]]:
    """(concept row, the language cells ``text`` names it in) for every concept it names."""
    found = [w.casefold() for w in _WORD.findall(text)]
    words, phrases = _lookup()
    hits: set[tuple[int, int]] = set()
    for word in found:
        hits |= words.get(_key(word), set())
    joined = f" {' '.join(found)} "
    hits |= {(n, c) for phrase, n, c in phrases if f" {phrase} " in joined}
    named: dict[int, list[int]] = {}
    for n, c in sorted(hits):
        named.setdefault(n, []).append(c)
    return list(named.items())


def concepts(text: str) -> list[int]:
    """The concepts ``text`` names, in any of the three languages (their row numbers)."""
    return [n for n, _cells in _named(text)]


def across(text: str) -> list[str]:
    """The terms of the other languages for every concept ``text`` names (its own words left out)."""
    table = _table()
    out: list[str] = []
    for n, hit in _named(text):
        out += [t for c, cell in enumerate(table[n]) if c not in hit for t in cell]
    return list(dict.fromkeys(out))
