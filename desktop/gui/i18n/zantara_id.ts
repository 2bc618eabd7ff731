<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>Zantara</name>
    <message>
        <source>Online model</source>
        <translation>Model online</translation>
    </message>
    <message>
        <source>continued offline</source>
        <translation>lanjutan offline</translation>
    </message>
    <message>
        <source>Zantara (fixed phrase)</source>
        <translation>Zantara (kalimat tetap)</translation>
    </message>
    <message>
        <source>earlier answers and cultural notes</source>
        <translation>jawaban sebelumnya dan catatan budaya</translation>
    </message>
    <message>
        <source>cultural notes</source>
        <translation>catatan budaya</translation>
    </message>
    <message>
        <source>Local model (offline)</source>
        <translation>Model lokal (offline)</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Model lokal</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>pembuka</translation>
    </message>
    <message>
        <source>beginning, until the connection was lost</source>
        <translation>awal, sampai koneksi terputus</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>jawaban</translation>
    </message>
    <message>
        <source>warm rewrite (shown)</source>
        <translation>tulisan ulang yang hangat (ditampilkan)</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>penutup</translation>
    </message>
    <message>
        <source>live cultural note for Claude</source>
        <translation>catatan budaya langsung untuk Claude</translation>
    </message>
    <message>
        <source>team documents, earlier answers and cultural notes</source>
        <translation>dokumen tim, jawaban sebelumnya dan catatan budaya</translation>
    </message>
    <message>
        <source>team documents and cultural notes</source>
        <translation>dokumen tim dan catatan budaya</translation>
    </message>
    <message>
        <source>Preparing the knowledge base…</source>
        <translation>Menyiapkan basis pengetahuan…</translation>
    </message>
    <message>
        <source>Wait for the answer or press Esc to stop it.</source>
        <translation>Tunggu jawabannya atau tekan Esc untuk menghentikannya.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Dihentikan.</translation>
    </message>
    <message>
        <source>This answer was not saved, so it cannot be regenerated.</source>
        <translation>Jawaban ini tidak tersimpan, jadi tidak bisa dibuat ulang.</translation>
    </message>
    <message>
        <source>Claude is late: showing what Zantara knows meanwhile</source>
        <translation>Claude terlambat: sementara ini, inilah yang diketahui Zantara</translation>
    </message>
    <message>
        <source>The answer failed: {err}</source>
        <translation>Jawaban gagal: {err}</translation>
    </message>
    <message>
        <source>Ready: {n} cultural insights</source>
        <translation>Siap: {n} wawasan budaya</translation>
    </message>
    <message>
        <source>Knowledge base unavailable: {err}</source>
        <translation>Basis pengetahuan tidak tersedia: {err}</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Teks pesan</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy this message as Markdown</source>
        <translation>Salin pesan ini sebagai Markdown</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Salin pesan</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Buat ulang</translation>
    </message>
    <message>
        <source>Ask again for a new answer to the same message</source>
        <translation>Minta jawaban baru untuk pesan yang sama</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Buat ulang jawaban</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Konteks</translation>
    </message>
    <message>
        <source>Show the insights, strategy and timings behind this answer</source>
        <translation>Tampilkan wawasan, strategi, dan waktu di balik jawaban ini</translation>
    </message>
    <message>
        <source>Show answer context</source>
        <translation>Tampilkan konteks jawaban</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Anda</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Percakapan</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation>sedang berpikir…</translation>
    </message>
    <message>
        <source>No live cultural note: the local model is too small to write one; a larger one can be installed in Settings › Models.</source>
        <translation>Tanpa catatan budaya langsung: model lokal terlalu kecil untuk menulisnya; model yang lebih besar bisa dipasang di Pengaturan › Model.</translation>
    </message>
    <message>
        <source>Zantara answers in your language and shows the cultural insights behind each answer.</source>
        <translation>Zantara menjawab dalam bahasa Anda dan menunjukkan wawasan budaya di balik setiap jawaban.</translation>
    </message>
    <message>
        <source>Partial answer: the rest could not be completed.</source>
        <translation>Jawaban sebagian: sisanya tidak dapat diselesaikan.</translation>
    </message>
    <message>
        <source>Ask anything about visas, KITAS, PT PMA or life in Bali.</source>
        <translation>Tanyakan apa saja tentang visa, KITAS, PT PMA, atau kehidupan di Bali.</translation>
    </message>
    <message>
        <source>Interrupted: Zantara was closed while writing this answer.</source>
        <translation>Terputus: Zantara ditutup saat menulis jawaban ini.</translation>
    </message>
    <message>
        <source>Answered offline: {reason}.</source>
        <translation>Dijawab secara offline: {reason}.</translation>
    </message>
    <message>
        <source>Compare answers</source>
        <translation>Bandingkan jawaban</translation>
    </message>
    <message>
        <source>A is better</source>
        <translation>A lebih baik</translation>
    </message>
    <message>
        <source>Key A</source>
        <translation>Tombol A</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B lebih baik</translation>
    </message>
    <message>
        <source>Key B</source>
        <translation>Tombol B</translation>
    </message>
    <message>
        <source>About the same</source>
        <translation>Kurang lebih sama</translation>
    </message>
    <message>
        <source>Key T</source>
        <translation>Tombol T</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Answering the same question with another strategy…</source>
        <translation>Menjawab pertanyaan yang sama dengan strategi lain…</translation>
    </message>
    <message>
        <source>Which answer is better? The strategies are shown after you pick (keys A, B, T).</source>
        <translation>Jawaban mana yang lebih baik? Strateginya ditampilkan setelah Anda memilih (tombol A, B, T).</translation>
    </message>
    <message>
        <source>Stored: about the same.</source>
        <translation>Tersimpan: kurang lebih sama.</translation>
    </message>
    <message>
        <source>Question: {q}</source>
        <translation>Pertanyaan: {q}</translation>
    </message>
    <message>
        <source>The comparison failed: {err}</source>
        <translation>Perbandingan gagal: {err}</translation>
    </message>
    <message>
        <source>Answer {side}</source>
        <translation>Jawaban {side}</translation>
    </message>
    <message>
        <source>Stored: {side} ({strategy}) is better.</source>
        <translation>Tersimpan: {side} ({strategy}) lebih baik.</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter adds a line)</source>
        <translation>Tulis pesan… (Enter mengirim, Shift+Enter menambah baris)</translation>
    </message>
    <message>
        <source>Message input</source>
        <translation>Kolom pesan</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line, Ctrl+L focuses</source>
        <translation>Enter mengirim, Shift+Enter menambah baris, Ctrl+L memfokuskan</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Kirim pesan (Enter)</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Kirim pesan</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Hentikan jawaban (Esc)</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Hentikan jawaban</translation>
    </message>
    <message>
        <source>ready in time</source>
        <translation>siap tepat waktu</translation>
    </message>
    <message>
        <source>too late</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Select an answer to see the insights and timings behind it.</source>
        <translation>Pilih sebuah jawaban untuk melihat wawasan dan waktu di baliknya.</translation>
    </message>
    <message>
        <source>used</source>
        <translation>dipakai</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>tidak dipakai</translation>
    </message>
    <message>
        <source>{n} citation(s) cited a passage that does not state the sentence and were removed.</source>
        <translation>{n} kutipan menunjuk bagian yang tidak menyatakan kalimat tersebut dan telah dihapus.</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Dijawab oleh</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategi</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Why offline</source>
        <translation>Mengapa offline</translation>
    </message>
    <message>
        <source>Why it stopped</source>
        <translation>Mengapa berhenti</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation>Pencarian</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Token pertama</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{inp} input tokens ({ins} from the insights), {out} output tokens, about ${cost}</source>
        <translation>{inp} token masukan ({ins} dari wawasan), {out} token keluaran, sekitar ${cost}</translation>
    </message>
    <message>
        <source>asked by {who} on {date} in “{title}”</source>
        <translation>ditanyakan oleh {who} pada {date} di “{title}”</translation>
    </message>
    <message>
        <source>Answer context</source>
        <translation>Konteks jawaban</translation>
    </message>
    <message>
        <source>The insights, strategy and timings behind the selected answer</source>
        <translation>Wawasan, strategi, dan waktu di balik jawaban yang dipilih</translation>
    </message>
    <message>
        <source>Message embedded by {engine}</source>
        <translation>Vektor pesan dibuat oleh {engine}</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>halaman {page}</translation>
    </message>
    <message>
        <source>{n} citation(s) matched no passage sent and were removed.</source>
        <translation>{n} kutipan tidak cocok dengan bagian yang dikirim dan telah dihapus.</translation>
    </message>
    <message>
        <source>a colleague's answer, synced from their laptop</source>
        <translation>jawaban rekan, disinkronkan dari laptopnya</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Live cultural note</source>
        <translation>Catatan budaya langsung</translation>
    </message>
    <message>
        <source>Rewrite kept every fact</source>
        <translation>Tulisan ulang mempertahankan semua fakta</translation>
    </message>
    <message>
        <source>Rewrite rejected; original shown</source>
        <translation>Tulisan ulang ditolak; yang asli ditampilkan</translation>
    </message>
    <message>
        <source>Fact guard</source>
        <translation>Penjaga fakta</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who wrote what</source>
        <translation>Siapa menulis apa</translation>
    </message>
    <message>
        <source>Document passages cited</source>
        <translation>Bagian dokumen yang dikutip</translation>
    </message>
    <message>
        <source>Cultural insights used</source>
        <translation>Wawasan budaya yang dipakai</translation>
    </message>
    <message>
        <source>No cultural context was needed.</source>
        <translation>Tidak perlu konteks budaya.</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>Tidak ada yang ditemukan.</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Kemiripan</translation>
    </message>
    <message>
        <source>from {name}'s laptop, {date}</source>
        <translation>dari laptop {name}, {date}</translation>
    </message>
    <message>
        <source>Document passages sent, not cited</source>
        <translation>Bagian dokumen yang dikirim, tidak dikutip</translation>
    </message>
    <message>
        <source>Found but not sent</source>
        <translation>Ditemukan tetapi tidak dikirim</translation>
    </message>
    <message>
        <source>Retrieved, but not in the prompt of the model that wrote this answer.</source>
        <translation>Ditemukan, tetapi tidak ada di prompt model yang menulis jawaban ini.</translation>
    </message>
    <message>
        <source>readable</source>
        <translation>terbaca</translation>
    </message>
    <message>
        <source>Local answer not shown</source>
        <translation>Jawaban lokal tidak ditampilkan</translation>
    </message>
    <message>
        <source>Readability</source>
        <translation>Keterbacaan</translation>
    </message>
    <message>
        <source>Earlier Claude answers</source>
        <translation>Jawaban Claude sebelumnya</translation>
    </message>
    <message>
        <source>Earlier answer to another, possibly related question, not this one</source>
        <translation>Jawaban sebelumnya untuk pertanyaan lain yang mungkin berkaitan, bukan pertanyaan ini</translation>
    </message>
    <message>
        <source>Model ({role})</source>
        <translation>Model ({role})</translation>
    </message>
    <message>
        <source>Claude usage</source>
        <translation>Pemakaian Claude</translation>
    </message>
    <message>
        <source>None were sent to the model that wrote this answer.</source>
        <translation>Tidak ada yang dikirim ke model yang menulis jawaban ini.</translation>
    </message>
    <message>
        <source>Good answer (Ctrl+Shift+Up)</source>
        <translation>Jawaban bagus (Ctrl+Shift+Atas)</translation>
    </message>
    <message>
        <source>Rate this answer good</source>
        <translation>Nilai jawaban ini bagus</translation>
    </message>
    <message>
        <source>Poor answer (Ctrl+Shift+Down)</source>
        <translation>Jawaban kurang (Ctrl+Shift+Bawah)</translation>
    </message>
    <message>
        <source>Rate this answer poor</source>
        <translation>Nilai jawaban ini kurang</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Bandingkan</translation>
    </message>
    <message>
        <source>Answer the same question with another strategy and pick the better one, blind (Ctrl+Shift+K)</source>
        <translation>Jawab pertanyaan yang sama dengan strategi lain dan pilih yang lebih baik, tanpa label (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Compare with another strategy</source>
        <translation>Bandingkan dengan strategi lain</translation>
    </message>
    <message>
        <source>Note on this rating</source>
        <translation>Catatan untuk penilaian ini</translation>
    </message>
    <message>
        <source>A note for the team (Enter saves)</source>
        <translation>Catatan untuk tim (Enter menyimpan)</translation>
    </message>
    <message>
        <source>Rating note</source>
        <translation>Catatan penilaian</translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation>Umpan balik…</translation>
    </message>
    <message>
        <source>Which strategy wins, from your ratings (Ctrl+Shift+F)</source>
        <translation>Strategi mana yang unggul, dari penilaian Anda (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Usage and cost…</source>
        <translation>Pemakaian dan biaya…</translation>
    </message>
    <message>
        <source>Claude tokens and cost per day, model and strategy (Ctrl+Shift+U)</source>
        <translation>Token dan biaya Claude per hari, model dan strategi (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>warmer</source>
        <translation>lebih hangat</translation>
    </message>
    <message>
        <source>colder</source>
        <translation>lebih dingin</translation>
    </message>
    <message>
        <source>wrong facts</source>
        <translation>fakta salah</translation>
    </message>
    <message>
        <source>wrong language</source>
        <translation>bahasa salah</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>terlalu panjang</translation>
    </message>
    <message>
        <source>Note ✎</source>
        <translation>Catatan ✎</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Tambah catatan…</translation>
    </message>
    <message>
        <source>Add a free note to this rating (Ctrl+Shift+N)</source>
        <translation>Tambahkan catatan bebas pada penilaian ini (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>There is no saved answer to rate yet.</source>
        <translation>Belum ada jawaban tersimpan untuk dinilai.</translation>
    </message>
    <message>
        <source>Rate the answer first (Ctrl+Shift+Up or Down).</source>
        <translation>Nilai dulu jawabannya (Ctrl+Shift+Atas atau Bawah).</translation>
    </message>
    <message>
        <source>Rating removed.</source>
        <translation>Penilaian dihapus.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
    <message>
        <source>Rating saved.</source>
        <translation>Penilaian tersimpan.</translation>
    </message>
    <message>
        <source>Rating saved, but not shared with the team: {err}</source>
        <translation>Penilaian tersimpan, tetapi tidak dibagikan ke tim: {err}</translation>
    </message>
    <message>
        <source>Local draft (shown while Claude was late)</source>
        <translation>Draf lokal (ditampilkan saat Claude terlambat)</translation>
    </message>
    <message>
        <source>What Zantara showed before Claude's answer started</source>
        <translation>Yang ditampilkan Zantara sebelum jawaban Claude dimulai</translation>
    </message>
    <message>
        <source>Show the local draft</source>
        <translation>Tampilkan draf lokal</translation>
    </message>
    <message>
        <source>Zantara hit an unexpected error</source>
        <translation>Zantara mengalami kesalahan tak terduga</translation>
    </message>
    <message>
        <source>Something went wrong. Your conversations are saved; you can keep working.</source>
        <translation>Terjadi kesalahan. Percakapan Anda tersimpan; Anda bisa terus bekerja.</translation>
    </message>
    <message>
        <source>A report was saved to:</source>
        <translation>Laporan disimpan di:</translation>
    </message>
    <message>
        <source>Cultural note</source>
        <translation>Catatan budaya</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Pembuka</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Penutup</translation>
    </message>
    <message>
        <source>Warmer rewrite</source>
        <translation>Tulisan ulang lebih hangat</translation>
    </message>
    <message>
        <source>Earlier answers</source>
        <translation>Jawaban sebelumnya</translation>
    </message>
    <message>
        <source>Saved for offline answers</source>
        <translation>Disimpan untuk jawaban offline</translation>
    </message>
    <message>
        <source>local model</source>
        <translation>model lokal</translation>
    </message>
    <message>
        <source>online model</source>
        <translation>model online</translation>
    </message>
    <message>
        <source>cultural note</source>
        <translation>catatan budaya</translation>
    </message>
    <message>
        <source>warmer rewrite</source>
        <translation>tulisan ulang lebih hangat</translation>
    </message>
    <message>
        <source>opening and closing</source>
        <translation>pembuka dan penutup</translation>
    </message>
    <message>
        <source>{n} ms</source>
        <translation>{n} ms</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} dtk</translation>
    </message>
    <message>
        <source>generated by {model}</source>
        <translation>dibuat oleh {model}</translation>
    </message>
    <message>
        <source>curated</source>
        <translation>dikurasi</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>ditambahkan oleh Anda</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italia</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>The cultural insights could not be searched ({err}), so this answer was written without them. Tools → Check data… can repair the knowledge store.</source>
        <translation>Wawasan budaya tidak dapat dicari ({err}), jadi jawaban ini ditulis tanpanya. Alat → Periksa data… dapat memperbaiki penyimpanan pengetahuan.</translation>
    </message>
    <message>
        <source>The cultural insights could not be searched: the shared Chroma server at {url} did not answer, so this answer was written without them. Start the server, or change its address in Settings → Knowledge.</source>
        <translation>Wawasan budaya tidak dapat dicari: server Chroma bersama di {url} tidak menjawab, jadi jawaban ini ditulis tanpanya. Jalankan servernya, atau ubah alamatnya di Pengaturan → Pengetahuan.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>length</source>
        <translation>panjang</translation>
    </message>
    <message>
        <source>banned words</source>
        <translation>kata terlarang</translation>
    </message>
    <message>
        <source>language</source>
        <translation>bahasa</translation>
    </message>
    <message>
        <source>fluency</source>
        <translation>kelancaran</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>pengulangan</translation>
    </message>
    <message>
        <source>echo of the request</source>
        <translation>mengulang permintaan</translation>
    </message>
    <message>
        <source>on topic</source>
        <translation>sesuai topik</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplikat</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>diterima</translation>
    </message>
    <message>
        <source>pending approval</source>
        <translation>menunggu persetujuan</translation>
    </message>
    <message>
        <source>approved at once</source>
        <translation>langsung disetujui</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so Zantara keeps it in an encrypted file in its data folder.</source>
        <translation>Komputer ini tidak punya keyring sistem, jadi Zantara menyimpannya di berkas terenkripsi di folder datanya.</translation>
    </message>
    <message>
        <source>It is stored in your system keyring, never in a plain file.</source>
        <translation>Kunci disimpan di keyring sistem, tidak pernah di berkas biasa.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>The system keyring could not store the key. Press “Store in an encrypted file” to keep it in Zantara's data folder instead; what you typed is still in the field.</source>
        <translation>Keyring sistem tidak dapat menyimpan kunci. Tekan “Simpan di berkas terenkripsi” untuk menyimpannya di folder data Zantara; yang Anda ketik masih ada di kolom.</translation>
    </message>
    <message>
        <source>A key is set (stored in the system keyring).</source>
        <translation>Kunci sudah diatur (tersimpan di keyring sistem).</translation>
    </message>
    <message>
        <source>No system keyring is available here: Zantara can keep the key in an encrypted file in its data folder (readable only with this computer account).</source>
        <translation>Tidak ada keyring sistem di sini: Zantara dapat menyimpan kunci di berkas terenkripsi di folder datanya (hanya dapat dibaca dengan akun komputer ini).</translation>
    </message>
    <message>
        <source>Could not store the key: {err}. What you typed is still in the field.</source>
        <translation>Kunci tidak dapat disimpan: {err}. Yang Anda ketik masih ada di kolom.</translation>
    </message>
    <message>
        <source>A key is set (stored in an encrypted file in Zantara's data folder).</source>
        <translation>Kunci sudah diatur (disimpan di berkas terenkripsi di folder data Zantara).</translation>
    </message>
    <message>
        <source>No key: answers come from the local model, offline.</source>
        <translation>Tidak ada kunci: jawaban berasal dari model lokal, secara offline.</translation>
    </message>
    <message>
        <source>{kind}, with no details</source>
        <translation>{kind}, tanpa rincian</translation>
    </message>
    <message>
        <source>A key is set (from the ANTHROPIC_API_KEY environment variable).</source>
        <translation>Kunci sudah diatur (dari variabel lingkungan ANTHROPIC_API_KEY).</translation>
    </message>
    <message>
        <source>Claude unavailable</source>
        <translation>Claude tidak tersedia</translation>
    </message>
    <message>
        <source>answer not readable</source>
        <translation>jawaban tidak terbaca</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>dihentikan</translation>
    </message>
    <message>
        <source>knowledge store error</source>
        <translation>kesalahan penyimpanan pengetahuan</translation>
    </message>
    <message>
        <source>damaged data</source>
        <translation>data rusak</translation>
    </message>
    <message>
        <source>model file error</source>
        <translation>kesalahan berkas model</translation>
    </message>
    <message>
        <source>model not found</source>
        <translation>model tidak ditemukan</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>waktu habis</translation>
    </message>
    <message>
        <source>error</source>
        <translation>kesalahan</translation>
    </message>
    <message>
        <source>Claude: {reason}</source>
        <translation>Claude: {reason}</translation>
    </message>
    <message>
        <source>Cannot reach {url}: {reason}. Check the address and that the server runs (`chroma run --port N` on the server), or choose the local store. Keep this address anyway?</source>
        <translation>Tidak dapat menjangkau {url}: {reason}. Periksa alamatnya dan pastikan server berjalan (`chroma run --port N` di server), atau pilih penyimpanan lokal. Tetap simpan alamat ini?</translation>
    </message>
    <message>
        <source>this is not a valid address (expected http://host:port)</source>
        <translation>ini bukan alamat yang valid (seharusnya http://host:port)</translation>
    </message>
    <message>
        <source>nothing is listening there (connection refused)</source>
        <translation>tidak ada yang mendengarkan di sana (koneksi ditolak)</translation>
    </message>
    <message>
        <source>the host name is unknown</source>
        <translation>nama host tidak dikenal</translation>
    </message>
    <message>
        <source>no answer within a few seconds</source>
        <translation>tidak ada jawaban dalam beberapa detik</translation>
    </message>
    <message>
        <source>something answered, but it is not a Chroma server</source>
        <translation>ada yang menjawab, tetapi itu bukan server Chroma</translation>
    </message>
    <message>
        <source>the server needs the team token and none is set</source>
        <translation>server memerlukan token tim dan belum ada yang diatur</translation>
    </message>
    <message>
        <source>the server refused the team token</source>
        <translation>server menolak token tim</translation>
    </message>
    <message>
        <source>its certificate is not trusted</source>
        <translation>sertifikatnya tidak tepercaya</translation>
    </message>
    <message>
        <source>plain http to another machine is refused (use https)</source>
        <translation>http biasa ke mesin lain ditolak (gunakan https)</translation>
    </message>
    <message>
        <source>The team server at {url} answered, but {reason}. Enter the token your team was given under Team token. Keep this address anyway?</source>
        <translation>Server tim di {url} menjawab, tetapi {reason}. Masukkan token dari tim Anda di Token tim. Tetap simpan alamat ini?</translation>
    </message>
    <message>
        <source>Updated from its folder: {name}</source>
        <translation>Diperbarui dari foldernya: {name}</translation>
    </message>
    <message>
        <source>Removed (gone from its folder): {name}</source>
        <translation>Dihapus (sudah tidak ada di foldernya): {name}</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Tambah dokumen</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>Tambah folder dokumen</translation>
    </message>
    <message>
        <source>Adding documents</source>
        <translation>Menambahkan dokumen</translation>
    </message>
    <message>
        <source>Checking documents again</source>
        <translation>Memeriksa ulang dokumen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>The team's own files (PDF, DOCX, Markdown, text, HTML): answers quote and cite them, online and offline. Drop files or folders here, or add them with the buttons.</source>
        <translation>Berkas milik tim (PDF, DOCX, Markdown, teks, HTML): jawaban mengutip dan merujuknya, online maupun offline. Seret berkas atau folder ke sini, atau tambahkan dengan tombol.</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Tambah &amp;berkas…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Tambah f&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Periksa &amp;ulang</translation>
    </message>
    <message>
        <source>Watched folders: while the app runs, what changes in them is indexed again.</source>
        <translation>Folder yang dipantau: selama aplikasi berjalan, isi yang berubah diindeks ulang.</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Folder yang dipantau</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>&amp;Berhenti memantau</translation>
    </message>
    <message>
        <source>{indexed} indexed, {unchanged} unchanged, {errors} not indexed, {removed} removed</source>
        <translation>{indexed} diindeks, {unchanged} tidak berubah, {errors} tidak diindeks, {removed} dihapus</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>Diindeks</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>{done} of {total}: {name}</source>
        <translation>{done} dari {total}: {name}</translation>
    </message>
    <message>
        <source>{n} removed</source>
        <translation>{n} dihapus</translation>
    </message>
    <message>
        <source>Score of each strategy with its 95% interval</source>
        <translation>Skor tiap strategi dengan interval 95%</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Umpan balik</translation>
    </message>
    <message>
        <source>Language and profile:</source>
        <translation>Bahasa dan profil:</translation>
    </message>
    <message>
        <source>Language and profile</source>
        <translation>Bahasa dan profil</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Switch the default strategy when the ratings clearly favour another</source>
        <translation>Ganti strategi bawaan bila penilaian jelas memilih strategi lain</translation>
    </message>
    <message>
        <source>Per language and profile; only with enough ratings and a 95% probability of being best</source>
        <translation>Per bahasa dan profil; hanya dengan penilaian yang cukup dan peluang 95% sebagai yang terbaik</translation>
    </message>
    <message>
        <source>Minimum ratings:</source>
        <translation>Penilaian minimum:</translation>
    </message>
    <message>
        <source>Minimum ratings before switching</source>
        <translation>Penilaian minimum sebelum mengganti</translation>
    </message>
    <message>
        <source>Share my ratings with the team (through the team's Chroma server)</source>
        <translation>Bagikan penilaian saya ke tim (lewat server Chroma tim)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>No ratings yet for this group.</source>
        <translation>Belum ada penilaian untuk kelompok ini.</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Menang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Interval 95%</translation>
    </message>
    <message>
        <source>P(best)</source>
        <translation>P(terbaik)</translation>
    </message>
    <message>
        <source>Set the team's Chroma server in Settings first.</source>
        <translation>Atur dulu server Chroma tim di Pengaturan.</translation>
    </message>
    <message>
        <source>{ratings} and {comparisons}. Default strategy: {s}.</source>
        <translation>{ratings} dan {comparisons}. Strategi bawaan: {s}.</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n penilaian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blind comparison(s)</source>
        <translation>
            <numerusform>%n perbandingan tanpa label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pooled with %n rating(s) from the team.</source>
        <translation>
            <numerusform>Digabung dengan %n penilaian dari tim.</numerusform>
        </translation>
    </message>
    <message>
        <source>No ratings yet: rate answers or compare them.</source>
        <translation>Belum ada penilaian: nilai jawaban atau bandingkan.</translation>
    </message>
    <message>
        <source>The report failed: {err}</source>
        <translation>Laporan gagal: {err}</translation>
    </message>
    <message>
        <source>Reasons given: {list}</source>
        <translation>Alasan yang diberikan: {list}</translation>
    </message>
    <message>
        <source>New default for this group: {s}.</source>
        <translation>Bawaan baru untuk kelompok ini: {s}.</translation>
    </message>
    <message>
        <source>The default stays {s}.</source>
        <translation>Bawaan tetap {s}.</translation>
    </message>
    <message>
        <source>{s} would become the default if switching were on.</source>
        <translation>{s} akan menjadi bawaan jika penggantian diaktifkan.</translation>
    </message>
    <message>
        <source>Team ratings unavailable: {err}</source>
        <translation>Penilaian tim tidak tersedia: {err}</translation>
    </message>
    <message>
        <source>Cancelled. What was accepted so far is kept. Press Start to continue where it stopped.</source>
        <translation>Dibatalkan. Yang sudah diterima tetap disimpan. Tekan Mulai untuk melanjutkan dari titik berhenti.</translation>
    </message>
    <message>
        <source>target reached</source>
        <translation>target tercapai</translation>
    </message>
    <message>
        <source>stopped: attempt budget spent</source>
        <translation>berhenti: jatah percobaan habis</translation>
    </message>
    <message>
        <source>cancelled: progress saved; press Start to continue</source>
        <translation>dibatalkan: kemajuan disimpan; tekan Mulai untuk melanjutkan</translation>
    </message>
    <message>
        <source>interrupted: press Start to continue</source>
        <translation>terputus: tekan Mulai untuk melanjutkan</translation>
    </message>
    <message>
        <source>Continue the last generation run</source>
        <translation>Lanjutkan proses pembuatan terakhir</translation>
    </message>
    <message>
        <source>{done} of {total} · accepted {acc} · rejected {rej} · {rate:.1f} per minute · ETA {eta}</source>
        <translation>{done} dari {total} · diterima {acc} · ditolak {rej} · {rate:.1f} per menit · perkiraan selesai {eta}</translation>
    </message>
    <message>
        <source>Quality gates (rejected first by / failed / passed):</source>
        <translation>Gerbang mutu (pertama menolak / gagal / lolos):</translation>
    </message>
    <message>
        <source>Per language:</source>
        <translation>Per bahasa:</translation>
    </message>
    <message>
        <source>Per category:</source>
        <translation>Per kategori:</translation>
    </message>
    <message>
        <source>Per model:</source>
        <translation>Per model:</translation>
    </message>
    <message>
        <source>Generate cultural insights</source>
        <translation>Buat wawasan budaya</translation>
    </message>
    <message>
        <source>How many accepted insights to aim for</source>
        <translation>Berapa banyak wawasan diterima yang ingin dicapai</translation>
    </message>
    <message>
        <source>Target number of insights</source>
        <translation>Target jumlah wawasan</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Larger models write better Indonesian and Italian</source>
        <translation>Model yang lebih besar menulis bahasa Indonesia dan Italia lebih baik</translation>
    </message>
    <message>
        <source>Approve accepted insights at once (otherwise they wait as pending)</source>
        <translation>Langsung setujui wawasan yang diterima (jika tidak, statusnya menunggu)</translation>
    </message>
    <message>
        <source>Resume the last unfinished run</source>
        <translation>Lanjutkan proses terakhir yang belum selesai</translation>
    </message>
    <message>
        <source>Continue where a cancelled or interrupted run stopped, without duplicates</source>
        <translation>Lanjutkan dari titik proses yang dibatalkan atau terputus, tanpa duplikat</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Start generation</source>
        <translation>Mulai pembuatan</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Batalkan proses</translation>
    </message>
    <message>
        <source>Cancel generation</source>
        <translation>Batalkan pembuatan</translation>
    </message>
    <message>
        <source>A running generation goes on after you close this window; the status bar shows it.</source>
        <translation>Pembuatan yang sedang berjalan tetap berlanjut setelah jendela ini ditutup; bilah status menampilkannya.</translation>
    </message>
    <message>
        <source>Generation progress</source>
        <translation>Kemajuan pembuatan</translation>
    </message>
    <message>
        <source>Generation report</source>
        <translation>Laporan pembuatan</translation>
    </message>
    <message>
        <source>The report appears here: accepted and rejected insights per gate, language and category. New insights go in as pending until you approve them in the knowledge browser.</source>
        <translation>Laporan muncul di sini: wawasan yang diterima dan ditolak per gerbang, bahasa, dan kategori. Wawasan baru masuk dengan status menunggu sampai Anda menyetujuinya di penjelajah pengetahuan.</translation>
    </message>
    <message>
        <source>{acc} accepted, {rej} rejected (target {target}).</source>
        <translation>{acc} diterima, {rej} ditolak (target {target}).</translation>
    </message>
    <message>
        <source>Generate {n} insights</source>
        <translation>Buat {n} wawasan</translation>
    </message>
    <message>
        <source>Status: {s}</source>
        <translation>Status: {s}</translation>
    </message>
    <message>
        <source>Model: {m}</source>
        <translation>Model: {m}</translation>
    </message>
    <message>
        <source>Accepted {acc}, rejected {rej}, attempts {att} (acceptance {pct:.0%})</source>
        <translation>Diterima {acc}, ditolak {rej}, percobaan {att} (penerimaan {pct:.0%})</translation>
    </message>
    <message>
        <source>Time {t}, {r} accepted per minute; new insights are {st}</source>
        <translation>Waktu {t}, {r} diterima per menit; wawasan baru berstatus {st}</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Belum dimulai.</translation>
    </message>
    <message>
        <source>Choose at least one language and one category.</source>
        <translation>Pilih setidaknya satu bahasa dan satu kategori.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Memuat model…</translation>
    </message>
    <message>
        <source>Cancelling after the current insight…</source>
        <translation>Membatalkan setelah wawasan yang sedang dibuat…</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Selesai.</translation>
    </message>
    <message>
        <source>Last attempt rejected by: {gate}</source>
        <translation>Percobaan terakhir ditolak oleh: {gate}</translation>
    </message>
    <message>
        <source>Cancelled at {acc} of {target} accepted. Open Generate and press Start to continue.</source>
        <translation>Dibatalkan pada {acc} dari {target} yang diterima. Buka Buat lalu tekan Mulai untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Generation failed: {err}</source>
        <translation>Pembuatan gagal: {err}</translation>
    </message>
    <message>
        <source>A run stopped at {acc} of {target} accepted insights. Press Start to continue it (uncheck the box above to start a new one).</source>
        <translation>Sebuah proses berhenti pada {acc} dari {target} wawasan yang diterima. Tekan Mulai untuk melanjutkannya (hapus centang di atas untuk memulai yang baru).</translation>
    </message>
    <message>
        <source>{acc} accepted of {att} attempts</source>
        <translation>{acc} diterima dari {att} percobaan</translation>
    </message>
    <message>
        <source>Check data</source>
        <translation>Periksa data</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>Laporan pemeriksaan</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Periksa lagi</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Perbaiki</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>Memperbaiki…</translation>
    </message>
    <message>
        <source>Everything is fine.</source>
        <translation>Semuanya baik.</translation>
    </message>
    <message>
        <source>Problems found.</source>
        <translation>Ada masalah.</translation>
    </message>
    <message>
        <source>The check failed: {err}</source>
        <translation>Pemeriksaan gagal: {err}</translation>
    </message>
    <message>
        <source>lost a conflict</source>
        <translation>kalah dalam konflik</translation>
    </message>
    <message>
        <source>replaced by a newer edit</source>
        <translation>digantikan oleh suntingan yang lebih baru</translation>
    </message>
    <message>
        <source>Earlier versions (kept by the team sync):</source>
        <translation>Versi sebelumnya (disimpan oleh sinkronisasi tim):</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <source>Insight text</source>
        <translation>Teks wawasan</translation>
    </message>
    <message>
        <source>What the cultural point means and how the assistant should answer because of it.</source>
        <translation>Apa arti hal budaya ini dan bagaimana asisten sebaiknya menjawab karenanya.</translation>
    </message>
    <message>
        <source>comma-separated, e.g. malu, jam karet</source>
        <translation>pisahkan dengan koma, mis. malu, jam karet</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Teks:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <source>Concepts:</source>
        <translation>Konsep:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Versi sebelumnya</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Laporan impor</translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation>Kesalahan impor</translation>
    </message>
    <message>
        <source>Knowledge: cultural insights</source>
        <translation>Pengetahuan: wawasan budaya</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Search text or concepts</source>
        <translation>Cari teks atau konsep</translation>
    </message>
    <message>
        <source>Search insights</source>
        <translation>Cari wawasan</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Wawasan</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Konsep</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Edit insight</source>
        <translation>Ubah wawasan</translation>
    </message>
    <message>
        <source>Add insight</source>
        <translation>Tambah wawasan</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Tidak ada kesalahan.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Write a new insight by hand</source>
        <translation>Tulis wawasan baru secara manual</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Edit the selected insight (double-click works too)</source>
        <translation>Ubah wawasan yang dipilih (klik ganda juga bisa)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the selected insights</source>
        <translation>Hapus wawasan yang dipilih</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Approve the selected insights so answers can use them</source>
        <translation>Setujui wawasan yang dipilih agar bisa dipakai dalam jawaban</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Reject the selected insights</source>
        <translation>Tolak wawasan yang dipilih</translation>
    </message>
    <message>
        <source>Import JSONL…</source>
        <translation>Impor JSONL…</translation>
    </message>
    <message>
        <source>Add insights from a JSONL file; bad lines are reported</source>
        <translation>Tambahkan wawasan dari berkas JSONL; baris yang salah dilaporkan</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>Ekspor JSONL…</translation>
    </message>
    <message>
        <source>Save the insights matching the filters to a JSONL file</source>
        <translation>Simpan wawasan yang sesuai filter ke berkas JSONL</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Buat…</translation>
    </message>
    <message>
        <source>Write new insights with the local model</source>
        <translation>Tulis wawasan baru dengan model lokal</translation>
    </message>
    <message>
        <source>{shown} shown of {total} insights</source>
        <translation>{shown} ditampilkan dari {total} wawasan</translation>
    </message>
    <message>
        <source>narrow the filters to see the rest</source>
        <translation>persempit filter untuk melihat sisanya</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Pengetahuan</translation>
    </message>
    <message>
        <source>Delete insights</source>
        <translation>Hapus wawasan</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n insight(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Hapus %n wawasan? Tindakan ini tidak dapat dibatalkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import insights</source>
        <translation>Impor wawasan</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export insights</source>
        <translation>Ekspor wawasan</translation>
    </message>
    <message>
        <source>{file}: {added} added, {dups} already present, {bad} bad lines.</source>
        <translation>{file}: {added} ditambahkan, {dups} sudah ada, {bad} baris salah.</translation>
    </message>
    <message>
        <source>Error: {err}</source>
        <translation>Kesalahan: {err}</translation>
    </message>
    <message>
        <source>{added} added, {dup} duplicates, {err} lines with errors</source>
        <translation>{added} ditambahkan, {dup} duplikat, {err} baris bermasalah</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Impor {file}</translation>
    </message>
    <message>
        <source>Filter by {what}</source>
        <translation>Saring menurut {what}</translation>
    </message>
    <message>
        <source>Exported {n} insights to {path}</source>
        <translation>{n} wawasan diekspor ke {path}</translation>
    </message>
    <message>
        <source>Cannot save: {reason}</source>
        <translation>Tidak dapat menyimpan: {reason}</translation>
    </message>
    <message>
        <source>line {n}: {reason}</source>
        <translation>baris {n}: {reason}</translation>
    </message>
    <message>
        <source>Insights per language and category</source>
        <translation>Wawasan per bahasa dan kategori</translation>
    </message>
    <message>
        <source>emotion</source>
        <translation>emosi</translation>
    </message>
    <message>
        <source>business</source>
        <translation>bisnis</translation>
    </message>
    <message>
        <source>Bali culture</source>
        <translation>budaya Bali</translation>
    </message>
    <message>
        <source>communication</source>
        <translation>komunikasi</translation>
    </message>
    <message>
        <source>religion &amp; ceremony</source>
        <translation>agama &amp; upacara</translation>
    </message>
    <message>
        <source>bureaucracy</source>
        <translation>birokrasi</translation>
    </message>
    <message>
        <source>daily life</source>
        <translation>kehidupan sehari-hari</translation>
    </message>
    <message>
        <source>No insights yet</source>
        <translation>Belum ada wawasan</translation>
    </message>
    <message>
        <source>“{name}” is not a model name: model names have no spaces or punctuation like “!”.</source>
        <translation>“{name}” bukan nama model: nama model tidak memakai spasi atau tanda seperti “!”.</translation>
    </message>
    <message>
        <source>The server has no model named “{name}”. It offers: {names}.</source>
        <translation>Server tidak punya model bernama “{name}”. Yang tersedia: {names}.</translation>
    </message>
    <message>
        <source>Saved, but “{name}” could not be checked with the server ({err}): make sure the name is right.</source>
        <translation>Tersimpan, tetapi “{name}” tidak bisa diperiksa ke server ({err}): pastikan namanya benar.</translation>
    </message>
    <message>
        <source>offline answers</source>
        <translation>jawaban offline</translation>
    </message>
    <message>
        <source>live notes</source>
        <translation>catatan langsung</translation>
    </message>
    <message>
        <source>insights</source>
        <translation>wawasan</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>memperkirakan…</translation>
    </message>
    <message>
        <source>Model description</source>
        <translation>Deskripsi model</translation>
    </message>
    <message>
        <source>Installed:</source>
        <translation>Terpasang:</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Unduh</translation>
    </message>
    <message>
        <source>Download the selected model (resumable, sha256-verified)</source>
        <translation>Unduh model yang dipilih (bisa dilanjutkan, diverifikasi dengan sha256)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Kemajuan unduhan</translation>
    </message>
    <message>
        <source>Offline answers:</source>
        <translation>Jawaban offline:</translation>
    </message>
    <message>
        <source>Live notes and tone:</source>
        <translation>Catatan langsung dan nada:</translation>
    </message>
    <message>
        <source>Insight generation:</source>
        <translation>Pembuatan wawasan:</translation>
    </message>
    <message>
        <source>Checking the sha256…</source>
        <translation>Memeriksa sha256…</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>Cocok untuk</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Same as the local model</source>
        <translation>Sama dengan model lokal</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>Menghubungkan ke hub…</translation>
    </message>
    <message>
        <source>'{name}' is installed; choose it for a role in Settings › Models.</source>
        <translation>'{name}' sudah terpasang; pilih untuk sebuah peran di Pengaturan › Model.</translation>
    </message>
    <message>
        <source>Download {title}</source>
        <translation>Unduh {title}</translation>
    </message>
    <message>
        <source>{done:.0f} of {total:.0f} MB · {speed:.1f} MB/s · {eta} left</source>
        <translation>{done:.0f} dari {total:.0f} MB · {speed:.1f} MB/s · sisa {eta}</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(bawaan)</translation>
    </message>
    <message>
        <source>'{name}' is installed; choose it for a role below.</source>
        <translation>'{name}' sudah terpasang; pilih untuk sebuah peran di bawah.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Keep anyway</source>
        <translation>Tetap simpan</translation>
    </message>
    <message>
        <source>Save this server address although it did not answer now</source>
        <translation>Simpan alamat server ini walaupun saat ini tidak menjawab</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Percobaan ulang:</translation>
    </message>
    <message>
        <source>Paste an Anthropic key (sk-ant-…)</source>
        <translation>Tempel kunci Anthropic (sk-ant-…)</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Kunci API baru</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Simpan kunci</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Hapus kunci</translation>
    </message>
    <message>
        <source>Delete the stored key</source>
        <translation>Hapus kunci yang tersimpan</translation>
    </message>
    <message>
        <source>Store in an encrypted file</source>
        <translation>Simpan di berkas terenkripsi</translation>
    </message>
    <message>
        <source>Keep the key in an encrypted file in Zantara's data folder (for systems without a keyring)</source>
        <translation>Simpan kunci di berkas terenkripsi di folder data Zantara (untuk sistem tanpa keyring)</translation>
    </message>
    <message>
        <source>Claude chat model</source>
        <translation>Model obrolan Claude</translation>
    </message>
    <message>
        <source>Used for conversation (a fast Haiku by default)</source>
        <translation>Dipakai untuk percakapan (bawaannya Haiku yang cepat)</translation>
    </message>
    <message>
        <source>Claude strong model</source>
        <translation>Model Claude yang kuat</translation>
    </message>
    <message>
        <source>Used by strategies that want the stronger model</source>
        <translation>Dipakai oleh strategi yang membutuhkan model lebih kuat</translation>
    </message>
    <message>
        <source>Load models from Anthropic</source>
        <translation>Muat model dari Anthropic</translation>
    </message>
    <message>
        <source>Ask the models endpoint which Claude models your key can use</source>
        <translation>Tanyakan ke endpoint model, model Claude mana yang bisa dipakai kunci Anda</translation>
    </message>
    <message>
        <source>Give up connecting after this long and answer offline</source>
        <translation>Berhenti mencoba terhubung setelah selama ini dan jawab secara offline</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Batas waktu koneksi</translation>
    </message>
    <message>
        <source>If Claude has not started answering by then, Zantara answers from this laptop</source>
        <translation>Jika Claude belum mulai menjawab saat itu, Zantara menjawab dari laptop ini</translation>
    </message>
    <message>
        <source>First-token deadline</source>
        <translation>Batas waktu token pertama</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Percobaan ulang</translation>
    </message>
    <message>
        <source>Claude (Anthropic)</source>
        <translation>Claude (Anthropic)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server (llama-server, Ollama…)</source>
        <translation>Server yang kompatibel dengan OpenAI (llama-server, Ollama…)</translation>
    </message>
    <message>
        <source>empty: the server's default model</source>
        <translation>kosong: model bawaan server</translation>
    </message>
    <message>
        <source>Add GGUF…</source>
        <translation>Tambah GGUF…</translation>
    </message>
    <message>
        <source>Register a GGUF model file from disk (it is not copied)</source>
        <translation>Daftarkan berkas model GGUF dari disk (tidak disalin)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>otomatis</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>Ukuran konteks</translation>
    </message>
    <message>
        <source>Local (in the data folder)</source>
        <translation>Lokal (di folder data)</translation>
    </message>
    <message>
        <source>Local, synced with a team server</source>
        <translation>Lokal, disinkronkan dengan server tim</translation>
    </message>
    <message>
        <source>Team server URL</source>
        <translation>URL server tim</translation>
    </message>
    <message>
        <source>Team token (kept in the keyring; empty: keep the stored one)</source>
        <translation>Token tim (disimpan di keyring; kosong: pakai yang tersimpan)</translation>
    </message>
    <message>
        <source>Team token</source>
        <translation>Token tim</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji koneksi</translation>
    </message>
    <message>
        <source>Insights per answer</source>
        <translation>Wawasan per jawaban</translation>
    </message>
    <message>
        <source>Live note deadline</source>
        <translation>Batas waktu catatan langsung</translation>
    </message>
    <message>
        <source>How long Claude waits for the local model's live cultural note</source>
        <translation>Berapa lama Claude menunggu catatan budaya langsung dari model lokal</translation>
    </message>
    <message>
        <source>Always wait for the live note, up to the deadline</source>
        <translation>Selalu tunggu catatan langsung, hingga batas waktu</translation>
    </message>
    <message>
        <source>Off: Claude never waits for the note longer than retrieval takes, so it adds no delay</source>
        <translation>Nonaktif: Claude tidak pernah menunggu catatan lebih lama dari waktu pencarian, jadi tidak menambah jeda</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n model tersedia</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the model name with the server…</source>
        <translation>Memeriksa nama model ke server…</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Kunci API:</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>Kunci baru:</translation>
    </message>
    <message>
        <source>Chat model:</source>
        <translation>Model obrolan:</translation>
    </message>
    <message>
        <source>Strong model:</source>
        <translation>Model kuat:</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>Batas waktu koneksi:</translation>
    </message>
    <message>
        <source>First-token deadline:</source>
        <translation>Batas waktu token pertama:</translation>
    </message>
    <message>
        <source>Online model:</source>
        <translation>Model daring:</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Alamat server:</translation>
    </message>
    <message>
        <source>Server model:</source>
        <translation>Model server:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Thread:</translation>
    </message>
    <message>
        <source>Context size:</source>
        <translation>Ukuran konteks:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Penyimpanan:</translation>
    </message>
    <message>
        <source>Insights per answer:</source>
        <translation>Wawasan per jawaban:</translation>
    </message>
    <message>
        <source>Live note deadline:</source>
        <translation>Batas waktu catatan langsung:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>No system keyring on this computer: use “Store in an encrypted file”.</source>
        <translation>Tidak ada keyring sistem di komputer ini: gunakan “Simpan di berkas terenkripsi”.</translation>
    </message>
    <message>
        <source>Store the key in the OS keyring; it is never written to a file</source>
        <translation>Simpan kunci di keyring sistem operasi; tidak pernah ditulis ke berkas</translation>
    </message>
    <message>
        <source>Add a GGUF model</source>
        <translation>Tambah model GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Model GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>context</source>
        <translation>konteks</translation>
    </message>
    <message>
        <source>Could not load the list: {err}</source>
        <translation>Tidak dapat memuat daftar: {err}</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>tidak tersedia</translation>
    </message>
    <message>
        <source>Checking {url}…</source>
        <translation>Memeriksa {url}…</translation>
    </message>
    <message>
        <source>Connected: the team server accepted the token.</source>
        <translation>Terhubung: server tim menerima token.</translation>
    </message>
    <message>
        <source>License: {lic}</source>
        <translation>Lisensi: {lic}</translation>
    </message>
    <message>
        <source>Could not save the settings: {err}</source>
        <translation>Tidak dapat menyimpan pengaturan: {err}</translation>
    </message>
    <message>
        <source>Usage and cost</source>
        <translation>Pemakaian dan biaya</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Token masukan</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Token keluaran</translation>
    </message>
    <message>
        <source>Insight tokens</source>
        <translation>Token wawasan</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Biaya (USD)</translation>
    </message>
    <message>
        <source>Insight share</source>
        <translation>Porsi wawasan</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per hari</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Per model</translation>
    </message>
    <message>
        <source>Per strategy</source>
        <translation>Per strategi</translation>
    </message>
    <message>
        <source>{answers}, {calls}: {inp} input and {out} output tokens, ${cost}. The cultural insights added {ins} input tokens: {share} of the cost.</source>
        <translation>{answers}, {calls}: {inp} token masukan dan {out} token keluaran, ${cost}. Wawasan budaya menambah {ins} token masukan: {share} dari biaya.</translation>
    </message>
    <message numerus="yes">
        <source>%n Claude answer(s)</source>
        <translation>
            <numerusform>%n jawaban Claude</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n panggilan</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices (USD per million tokens) from: {files}. Insight tokens are attributed by their share of the characters sent.</source>
        <translation>Harga (USD per juta token) dari: {files}. Token wawasan dihitung menurut porsinya dari karakter yang dikirim.</translation>
    </message>
    <message>
        <source>built-in defaults</source>
        <translation>nilai bawaan</translation>
    </message>
    <message>
        <source>Usage unavailable: {err}</source>
        <translation>Pemakaian tidak tersedia: {err}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>No Claude API key yet: answers are offline.</source>
        <translation>Belum ada kunci API Claude: jawaban offline.</translation>
    </message>
    <message>
        <source>No Claude API key yet, so Zantara answers offline from this laptop: earlier answers and cultural notes, and a local model's own answers once one that can write them is installed (Settings → Models). Add your Anthropic key in Settings (Ctrl+,) and Claude will answer.</source>
        <translation>Belum ada kunci API Claude, jadi Zantara menjawab secara offline dari laptop ini: jawaban sebelumnya dan catatan budaya, serta jawaban model lokal begitu model yang mampu menulisnya dipasang (Pengaturan → Model). Tambahkan kunci Anthropic Anda di Pengaturan (Ctrl+,) dan Claude akan menjawab.</translation>
    </message>
    <message>
        <source>Add API key…</source>
        <translation>Tambah kunci API…</translation>
    </message>
    <message>
        <source>Add API key</source>
        <translation>Tambah kunci API</translation>
    </message>
    <message>
        <source>Open Settings to add your Anthropic key (Ctrl+,)</source>
        <translation>Buka Pengaturan untuk menambahkan kunci Anthropic Anda (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Sembunyikan pesan ini</translation>
    </message>
    <message>
        <source>Rename conversation…</source>
        <translation>Ganti nama percakapan…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Ekspor sebagai Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Ekspor sebagai JSON…</translation>
    </message>
    <message>
        <source>Delete conversation…</source>
        <translation>Hapus percakapan…</translation>
    </message>
    <message>
        <source>Open or select a conversation first.</source>
        <translation>Buka atau pilih percakapan terlebih dahulu.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Obrolan baru</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Mulai percakapan baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Cari percakapan</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Percakapan</translation>
    </message>
    <message>
        <source>F2 renames, Delete deletes, Ctrl+E exports; right-click for all actions</source>
        <translation>F2 ganti nama, Delete hapus, Ctrl+E ekspor; klik kanan untuk semua tindakan</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n pesan</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Ganti nama percakapan</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Ganti nama</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Hapus percakapan</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>percakapan</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Ekspor percakapan</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Tanpa judul</translation>
    </message>
    <message>
        <source>Delete “{title}” and all its messages? This cannot be undone.</source>
        <translation>Hapus “{title}” beserta semua pesannya? Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>About Zantara</source>
        <translation>Tentang Zantara</translation>
    </message>
    <message>
        <source>Claude's brain, LLaMA's soul: a local-first assistant for visas, business and life in Bali.</source>
        <translation>Otak Claude, jiwa LLaMA: asisten lokal untuk visa, bisnis, dan kehidupan di Bali.</translation>
    </message>
    <message>
        <source>Jobs: all finished</source>
        <translation>Tugas: semua selesai</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>Tugas sedang berjalan</translation>
    </message>
    <message>
        <source>Cancel jobs and quit</source>
        <translation>Batalkan tugas dan keluar</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Biarkan berjalan</translation>
    </message>
    <message>
        <source>1 job running</source>
        <translation>1 tugas berjalan</translation>
    </message>
    <message>
        <source>Show long jobs: insight generation, model downloads, imports</source>
        <translation>Tampilkan tugas panjang: pembuatan wawasan, unduhan model, impor</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>No jobs. Insight generation, model downloads and imports appear here.</source>
        <translation>Tidak ada tugas. Pembuatan wawasan, unduhan model, dan impor muncul di sini.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Hapus yang selesai</translation>
    </message>
    <message>
        <source>A job is still running.</source>
        <translation>Sebuah tugas masih berjalan.</translation>
    </message>
    <message>
        <source>Quitting cancels them. A cancelled generation continues where it stopped when you start it again.</source>
        <translation>Keluar akan membatalkannya. Pembuatan yang dibatalkan berlanjut dari titik berhenti saat Anda memulainya lagi.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Jobs: {n} failed</source>
        <translation>Tugas: {n} gagal</translation>
    </message>
    <message>
        <source>{n} jobs running</source>
        <translation>{n} tugas berjalan</translation>
    </message>
    <message>
        <source>Progress of {title}</source>
        <translation>Kemajuan {title}</translation>
    </message>
    <message>
        <source>Cancel {title}</source>
        <translation>Batalkan {title}</translation>
    </message>
    <message>
        <source>{n} jobs are still running.</source>
        <translation>{n} tugas masih berjalan.</translation>
    </message>
    <message>
        <source>Zantara Desktop</source>
        <translation>Zantara Desktop</translation>
    </message>
    <message>
        <source>Focus message input</source>
        <translation>Fokus ke kolom pesan</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>Dokumen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Obrolan</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Disimpan {path}</translation>
    </message>
    <message>
        <source>Suggested for this laptop ({cores} cores, {ram} GB RAM): {title}. It writes Indonesian, Italian and English at about {speed} tokens/s here; larger models would be too slow on {cores} cores.</source>
        <translation>Disarankan untuk laptop ini ({cores} inti, RAM {ram} GB): {title}. Model ini menulis bahasa Indonesia, Italia, dan Inggris sekitar {speed} token/detik di sini; model yang lebih besar akan terlalu lambat dengan {cores} inti.</translation>
    </message>
    <message>
        <source>Offline answers in Indonesian, Italian and English need a bigger local model. This laptop can run {title} ({size} GB download, licence: {licence}).</source>
        <translation>Jawaban offline dalam bahasa Indonesia, Italia, dan Inggris memerlukan model lokal yang lebih besar. Laptop ini dapat menjalankan {title} (unduhan {size} GB, lisensi: {licence}).</translation>
    </message>
    <message>
        <source>Offline answers in your languages: {title}, {size} GB, licence: {licence}.</source>
        <translation>Jawaban offline dalam bahasa Anda: {title}, {size} GB, lisensi: {licence}.</translation>
    </message>
    <message>
        <source>Download the suggested model</source>
        <translation>Unduh model yang disarankan</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Unduhan dibatalkan.</translation>
    </message>
    <message>
        <source>{title} is installed: it writes the offline answers now.</source>
        <translation>{title} sudah terpasang: sekarang model ini menulis jawaban offline.</translation>
    </message>
    <message>
        <source>Download ({size} GB)</source>
        <translation>Unduh ({size} GB)</translation>
    </message>
    <message>
        <source>Downloading… {percent}</source>
        <translation>Mengunduh… {percent}</translation>
    </message>
    <message>
        <source>no API key</source>
        <translation>tidak ada kunci API</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>kunci API ditolak</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>tidak ada koneksi</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>koneksi habis waktu</translation>
    </message>
    <message>
        <source>Claude too slow to answer</source>
        <translation>Claude terlalu lambat menjawab</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>batas permintaan tercapai</translation>
    </message>
    <message>
        <source>Claude overloaded</source>
        <translation>Claude kelebihan beban</translation>
    </message>
    <message>
        <source>Claude server error</source>
        <translation>kesalahan server Claude</translation>
    </message>
    <message>
        <source>answer cut off</source>
        <translation>jawaban terputus</translation>
    </message>
    <message>
        <source>bad response</source>
        <translation>respons tidak valid</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>menunggu untuk terhubung kembali</translation>
    </message>
    <message>
        <source>offline mode chosen</source>
        <translation>mode offline dipilih</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>dihentikan oleh Anda</translation>
    </message>
    <message>
        <source>local model unavailable</source>
        <translation>model lokal tidak tersedia</translation>
    </message>
    <message>
        <source>the local answer was not readable</source>
        <translation>jawaban lokal tidak terbaca</translation>
    </message>
    <message>
        <source>Checking Claude and the local model.</source>
        <translation>Memeriksa Claude dan model lokal.</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Status koneksi</translation>
    </message>
    <message>
        <source>Offline only is on: Claude is not contacted; Zantara answers from this laptop.</source>
        <translation>“Hanya offline” aktif: Claude tidak dihubungi; Zantara menjawab dari laptop ini.</translation>
    </message>
    <message>
        <source>Claude is answering.</source>
        <translation>Claude sedang menjawab.</translation>
    </message>
    <message>
        <source>Zantara answers from this laptop until Claude is reachable again.</source>
        <translation>Zantara menjawab dari laptop ini sampai Claude dapat dihubungi lagi.</translation>
    </message>
    <message>
        <source>Checking whether Claude answers again; Zantara answers from this laptop meanwhile.</source>
        <translation>Memeriksa apakah Claude menjawab lagi; sementara itu Zantara menjawab dari laptop ini.</translation>
    </message>
    <message>
        <source>Asking Claude whether it answers.</source>
        <translation>Menanyakan apakah Claude menjawab.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>Offline only</source>
        <translation>Hanya offline</translation>
    </message>
    <message>
        <source>Claude online</source>
        <translation>Claude online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Reconnecting to Claude…</source>
        <translation>Menghubungkan kembali ke Claude…</translation>
    </message>
    <message>
        <source>Checking Claude…</source>
        <translation>Memeriksa Claude…</translation>
    </message>
    <message>
        <source>Combo (recommended)</source>
        <translation>Kombo (disarankan)</translation>
    </message>
    <message>
        <source>Insights only</source>
        <translation>Hanya wawasan</translation>
    </message>
    <message>
        <source>Live note</source>
        <translation>Catatan langsung</translation>
    </message>
    <message>
        <source>Warm wrap</source>
        <translation>Bingkai hangat</translation>
    </message>
    <message>
        <source>Warm rewrite</source>
        <translation>Tulis ulang hangat</translation>
    </message>
    <message>
        <source>Team / client</source>
        <translation>Tim / klien</translation>
    </message>
    <message numerus="yes">
        <source>Team: %n change(s) waiting</source>
        <translation>
            <numerusform>Tim: %n perubahan menunggu</numerusform>
        </translation>
    </message>
    <message>
        <source>Team: not synced yet</source>
        <translation>Tim: belum disinkronkan</translation>
    </message>
    <message>
        <source>Team: synced just now</source>
        <translation>Tim: baru saja disinkronkan</translation>
    </message>
    <message>
        <source>Team: synced {n} min ago</source>
        <translation>Tim: disinkronkan {n} menit lalu</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Exchange changes with the team server now</source>
        <translation>Tukar perubahan dengan server tim sekarang</translation>
    </message>
    <message>
        <source>Team: syncing…</source>
        <translation>Tim: menyinkronkan…</translation>
    </message>
    <message>
        <source>Team server unreachable — working from this laptop's copy</source>
        <translation>Server tim tidak terjangkau — bekerja dari salinan di laptop ini</translation>
    </message>
    <message>
        <source>Team server refused the token — check it in Settings</source>
        <translation>Server tim menolak token — periksa di Pengaturan</translation>
    </message>
    <message>
        <source>How Claude and the local model work together on each answer</source>
        <translation>Cara Claude dan model lokal bekerja sama untuk setiap jawaban</translation>
    </message>
    <message>
        <source>Who is chatting: a team member (warm colleague) or a client (professional tone)</source>
        <translation>Siapa yang mengobrol: anggota tim (rekan yang hangat) atau klien (nada profesional)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <source>Check data…</source>
        <translation>Periksa data…</translation>
    </message>
    <message>
        <source>API key, models, language and theme (Ctrl+,)</source>
        <translation>Kunci API, model, bahasa, dan tema (Ctrl+,)</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Anggota tim</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Answer with the local model only, without contacting Claude</source>
        <translation>Jawab hanya dengan model lokal, tanpa menghubungi Claude</translation>
    </message>
    <message>
        <source>Browse, edit and approve cultural insights</source>
        <translation>Jelajahi, ubah, dan setujui wawasan budaya</translation>
    </message>
    <message>
        <source>Write new cultural insights with the local model</source>
        <translation>Tulis wawasan budaya baru dengan model lokal</translation>
    </message>
    <message>
        <source>Check the conversations and the knowledge store, and repair them</source>
        <translation>Periksa percakapan dan basis pengetahuan, lalu perbaiki</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategi:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Combo: insights + live note (recommended)</source>
        <translation>Kombo: wawasan + catatan langsung (disarankan)</translation>
    </message>
    <message>
        <source>Insights only (RAG)</source>
        <translation>Hanya wawasan (RAG)</translation>
    </message>
    <message>
        <source>Warm opening and closing</source>
        <translation>Pembuka dan penutup yang hangat</translation>
    </message>
    <message>
        <source>Warm rewrite with fact guard</source>
        <translation>Tulis ulang hangat dengan penjaga fakta</translation>
    </message>
    <message>
        <source>Team: local colleague / client: Claude</source>
        <translation>Tim: rekan lokal / klien: Claude</translation>
    </message>
    <message>
        <source>empty message</source>
        <translation>pesan kosong</translation>
    </message>
    <message>
        <source>no words in the message (not text)</source>
        <translation>tidak ada kata dalam pesan (bukan teks)</translation>
    </message>
    <message>
        <source>feeling word '{word}'</source>
        <translation>kata perasaan '{word}'</translation>
    </message>
    <message>
        <source>cultural term '{word}'</source>
        <translation>istilah budaya '{word}'</translation>
    </message>
    <message>
        <source>quoted cultural word '{word}'</source>
        <translation>kata budaya dalam kutipan '{word}'</translation>
    </message>
    <message>
        <source>code or spreadsheet question</source>
        <translation>pertanyaan kode atau spreadsheet</translation>
    </message>
    <message>
        <source>unit or currency conversion</source>
        <translation>konversi satuan atau mata uang</translation>
    </message>
    <message>
        <source>arithmetic</source>
        <translation>aritmetika</translation>
    </message>
    <message>
        <source>etiquette or relationship question ('{word}')</source>
        <translation>pertanyaan etiket atau hubungan ('{word}')</translation>
    </message>
    <message>
        <source>acknowledgement or small talk</source>
        <translation>tanda setuju atau basa-basi</translation>
    </message>
    <message>
        <source>no feeling, cultural term or etiquette question found</source>
        <translation>tidak ada perasaan, istilah budaya, atau pertanyaan etiket</translation>
    </message>
    <message>
        <source>semantic: {verdict}, p={p} (threshold {threshold}){nearest}</source>
        <translation>semantik: {verdict}, p={p} (ambang {threshold}){nearest}</translation>
    </message>
    <message>
        <source>; nearest: '{text}' ({verdict}, {similarity})</source>
        <translation>; terdekat: '{text}' ({verdict}, {similarity})</translation>
    </message>
    <message>
        <source>cultural</source>
        <translation>budaya</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>netral</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>dihentikan oleh pengguna</translation>
    </message>
    <message>
        <source>kept {n} characters Claude streamed before the failure</source>
        <translation>{n} karakter yang dikirim Claude sebelum gagal tetap disimpan</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>gagal: {error}</translation>
    </message>
    <message>
        <source>retrieval unavailable: {error}</source>
        <translation>pencarian tidak tersedia: {error}</translation>
    </message>
    <message>
        <source>answer memory: not indexed ({error})</source>
        <translation>memori jawaban: tidak diindeks ({error})</translation>
    </message>
    <message>
        <source>cultural note started before retrieval (overlapped)</source>
        <translation>catatan budaya dimulai sebelum pencarian (bersamaan)</translation>
    </message>
    <message>
        <source>cultural note started while the user typed</source>
        <translation>catatan budaya dimulai saat pengguna mengetik</translation>
    </message>
    <message>
        <source>the offline answer started beside Claude (hedge) is the answer</source>
        <translation>jawaban offline yang dimulai di samping Claude (cadangan) menjadi jawabannya</translation>
    </message>
    <message>
        <source>offline: live cultural note skipped (no online answer to enrich)</source>
        <translation>offline: catatan budaya langsung dilewati (tidak ada jawaban online untuk diperkaya)</translation>
    </message>
    <message>
        <source>offline: the local model answers warmly itself; opening/closing skipped</source>
        <translation>offline: model lokal sudah menjawab dengan hangat; pembuka/penutup dilewati</translation>
    </message>
    <message>
        <source>team profile: {why}; Claude answers as the colleague</source>
        <translation>profil tim: {why}; Claude menjawab sebagai rekan</translation>
    </message>
    <message>
        <source>team profile: the local model answers as a colleague (by design)</source>
        <translation>profil tim: model lokal menjawab sebagai rekan (memang dirancang begitu)</translation>
    </message>
    <message>
        <source>client profile, offline: the local model answers</source>
        <translation>profil klien, offline: model lokal yang menjawab</translation>
    </message>
    <message>
        <source>offline: rewrite skipped (the local model wrote the answer itself)</source>
        <translation>offline: tulisan ulang dilewati (model lokal sendiri yang menulis jawaban)</translation>
    </message>
    <message>
        <source>rewrite skipped: answer of {n} characters</source>
        <translation>tulisan ulang dilewati: jawaban {n} karakter</translation>
    </message>
    <message>
        <source>rewrite stopped: Claude's original kept</source>
        <translation>tulisan ulang dihentikan: jawaban asli Claude dipertahankan</translation>
    </message>
    <message>
        <source>rewrite failed ({error}): Claude's original kept</source>
        <translation>tulisan ulang gagal ({error}): jawaban asli Claude dipertahankan</translation>
    </message>
    <message>
        <source>rewrite rejected by the fact guard: Claude's original kept</source>
        <translation>tulisan ulang ditolak penjaga fakta: jawaban asli Claude dipertahankan</translation>
    </message>
    <message>
        <source>answer memory unavailable: {error}</source>
        <translation>memori jawaban tidak tersedia: {error}</translation>
    </message>
    <message>
        <source>{why}: showing {n} earlier answer(s) and the cultural insights instead</source>
        <translation>{why}: sebagai gantinya ditampilkan {n} jawaban sebelumnya dan wawasan budaya</translation>
    </message>
    <message>
        <source>{why}: showing the cultural insights and, labelled as such, an earlier answer to another, possibly related question</source>
        <translation>{why}: ditampilkan wawasan budaya dan, ditandai demikian, jawaban sebelumnya untuk pertanyaan lain yang mungkin berkaitan</translation>
    </message>
    <message>
        <source>{why}: showing the cultural insights instead</source>
        <translation>{why}: sebagai gantinya ditampilkan wawasan budaya</translation>
    </message>
    <message>
        <source>insights in {language} not looked up: {error}</source>
        <translation>wawasan dalam {language} tidak dicari: {error}</translation>
    </message>
    <message>
        <source>insights shown in retrieval's order: the one answering the question not picked ({error})</source>
        <translation>wawasan ditampilkan menurut urutan pencarian: yang menjawab pertanyaan tidak dipilih ({error})</translation>
    </message>
    <message>
        <source>the local model could not be used ({error})</source>
        <translation>model lokal tidak dapat dipakai ({error})</translation>
    </message>
    <message>
        <source>wrap: opening {opening}, closing {closing}</source>
        <translation>bingkai: pembuka {opening}, penutup {closing}</translation>
    </message>
    <message>
        <source>Claude: {error}</source>
        <translation>Claude: {error}</translation>
    </message>
    <message>
        <source>no answer from Claude</source>
        <translation>tidak ada jawaban dari Claude</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>kosong</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>panjang tidak sesuai</translation>
    </message>
    <message>
        <source>repeats itself</source>
        <translation>berulang-ulang</translation>
    </message>
    <message>
        <source>repeats the question</source>
        <translation>mengulang pertanyaan</translation>
    </message>
    <message>
        <source>invents facts</source>
        <translation>mengarang fakta</translation>
    </message>
    <message>
        <source>too many unknown words</source>
        <translation>terlalu banyak kata tak dikenal</translation>
    </message>
    <message>
        <source>model too small</source>
        <translation>model terlalu kecil</translation>
    </message>
    <message>
        <source>{n} earlier answer(s)</source>
        <translation>{n} jawaban sebelumnya</translation>
    </message>
    <message>
        <source>shown: an earlier answer to another, possibly related question, not to this one</source>
        <translation>ditampilkan: jawaban sebelumnya untuk pertanyaan lain yang mungkin berkaitan, bukan untuk pertanyaan ini</translation>
    </message>
    <message>
        <source>no earlier answer to this question; one to another, possibly related question: '{question}'</source>
        <translation>belum ada jawaban sebelumnya untuk pertanyaan ini; ada satu untuk pertanyaan lain yang mungkin berkaitan: '{question}'</translation>
    </message>
    <message>
        <source>the local model wrote no words</source>
        <translation>model lokal tidak menulis kata apa pun</translation>
    </message>
    <message>
        <source>the local model is too small for {language}: {share} known words</source>
        <translation>model lokal terlalu kecil untuk bahasa {language}: {share} kata dikenal</translation>
    </message>
    <message>
        <source>the local model is too small for {language}: {share} known long words</source>
        <translation>model lokal terlalu kecil untuk bahasa {language}: {share} kata panjang dikenal</translation>
    </message>
    <message>
        <source>the local model answered in {found}, not {language}</source>
        <translation>model lokal menjawab dalam bahasa {found}, bukan {language}</translation>
    </message>
    <message>
        <source>the local model repeats itself: {share} repeated word trigrams</source>
        <translation>model lokal mengulang-ulang: {share} trigram kata berulang</translation>
    </message>
    <message>
        <source>the local model copied the previous answer: {share} of its word 4-grams</source>
        <translation>model lokal menyalin jawaban sebelumnya: {share} dari 4-gram katanya</translation>
    </message>
    <message>
        <source>the local model {model} is too small for cultural notes (they misread the message); none sent</source>
        <translation>model lokal {model} terlalu kecil untuk catatan budaya (catatannya salah membaca pesan); tidak ada yang dikirim</translation>
    </message>
    <message>
        <source>the local model {model} is too small to write answers (it makes facts up); it writes notes only</source>
        <translation>model lokal {model} terlalu kecil untuk menulis jawaban (ia mengarang fakta); ia hanya menulis catatan</translation>
    </message>
    <message>
        <source>the local model {model} is too small for {language} (its manifest lists {languages})</source>
        <translation>model lokal {model} terlalu kecil untuk bahasa {language} (manifesnya mencantumkan {languages})</translation>
    </message>
    <message>
        <source>the local model {model} is too small for {language}: {unreadable} of its last {n} answers were unreadable</source>
        <translation>model lokal {model} terlalu kecil untuk bahasa {language}: {unreadable} dari {n} jawaban terakhirnya tidak terbaca</translation>
    </message>
    <message>
        <source>local context ({n} tokens): {parts}</source>
        <translation>konteks lokal ({n} token): {parts}</translation>
    </message>
    <message>
        <source>left out the {n} oldest history message(s)</source>
        <translation>{n} pesan riwayat terlama tidak disertakan</translation>
    </message>
    <message>
        <source>left out {n} insight(s)</source>
        <translation>{n} wawasan tidak disertakan</translation>
    </message>
    <message>
        <source>cut the message to its first {kept} of {original} characters</source>
        <translation>pesan dipotong menjadi {kept} dari {original} karakter pertama</translation>
    </message>
    <message>
        <source>cut the system prompt to {kept} of {original} characters</source>
        <translation>instruksi sistem dipotong menjadi {kept} dari {original} karakter</translation>
    </message>
    <message>
        <source>shortened the answer budget to {n} tokens</source>
        <translation>ruang jawaban dipersingkat menjadi {n} token</translation>
    </message>
    <message>
        <source>strategy learned from ratings: {reason}</source>
        <translation>strategi dipelajari dari penilaian: {reason}</translation>
    </message>
    <message>
        <source>too little evidence: {have} of the {needed} needed</source>
        <translation>bukti belum cukup: {have} dari {needed} yang dibutuhkan</translation>
    </message>
    <message>
        <source>the configured strategy leads (P(best) {p})</source>
        <translation>strategi yang diatur unggul (P(terbaik) {p})</translation>
    </message>
    <message>
        <source>{strategy} leads but has only {n} of {needed} ratings</source>
        <translation>{strategy} unggul tetapi baru punya {n} dari {needed} penilaian</translation>
    </message>
    <message>
        <source>no clear winner ({strategy}: P(best) {p} &lt; {threshold})</source>
        <translation>belum ada pemenang jelas ({strategy}: P(terbaik) {p} &lt; {threshold})</translation>
    </message>
    <message>
        <source>{strategy} wins with P(best) {p} over {n} ratings and comparisons</source>
        <translation>{strategy} menang dengan P(terbaik) {p} dari {n} penilaian dan perbandingan</translation>
    </message>
    <message>
        <source>No team server is set.</source>
        <translation>Belum ada server tim yang diatur.</translation>
    </message>
    <message>
        <source>Set its address: `zantara settings set team_url https://HOST:PORT` (or ZANTARA_TEAM_URL).</source>
        <translation>Atur alamatnya: `zantara settings set team_url https://HOST:PORT` (atau ZANTARA_TEAM_URL).</translation>
    </message>
    <message>
        <source>'{url}' is not a team server address.</source>
        <translation>'{url}' bukan alamat server tim.</translation>
    </message>
    <message>
        <source>Use https://HOST:PORT.</source>
        <translation>Gunakan https://HOST:PORT.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: the team server holds what clients asked.</source>
        <translation>Menolak http biasa ke {host}: server tim menyimpan apa yang ditanyakan klien.</translation>
    </message>
    <message>
        <source>Use the team server's https address (make team-server serves one), or, if you really must, `zantara settings set team_allow_http on`.</source>
        <translation>Gunakan alamat https server tim (make team-server menyediakannya), atau, jika memang harus, `zantara settings set team_allow_http on`.</translation>
    </message>
    <message>
        <source>The team server at {url} needs a token and none is set.</source>
        <translation>Server tim di {url} memerlukan token dan belum ada yang diatur.</translation>
    </message>
    <message>
        <source>The team server at {url} refused the token.</source>
        <translation>Server tim di {url} menolak token.</translation>
    </message>
    <message>
        <source>Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.</source>
        <translation>Atur yang benar di Pengaturan → Pengetahuan, dengan `zantara sync token` atau ZANTARA_TEAM_TOKEN.</translation>
    </message>
    <message>
        <source>The team server's certificate at {url} is not trusted ({reason}).</source>
        <translation>Sertifikat server tim di {url} tidak dipercaya ({reason}).</translation>
    </message>
    <message>
        <source>Point the team_ca setting at the server's certificate (make team-server prints it), or set team_verify_tls off for a first try.</source>
        <translation>Arahkan pengaturan team_ca ke sertifikat server (make team-server mencetaknya), atau untuk percobaan pertama atur team_verify_tls ke off.</translation>
    </message>
    <message>
        <source>The team server at {url} is unreachable ({reason}).</source>
        <translation>Server tim di {url} tidak terjangkau ({reason}).</translation>
    </message>
    <message>
        <source>Working from this laptop's copy; the next sync sends what is waiting.</source>
        <translation>Bekerja dari salinan di laptop ini; sinkronisasi berikutnya mengirim yang menunggu.</translation>
    </message>
    <message>
        <source>{url} answers, but not as a team server ({reason}).</source>
        <translation>{url} menjawab, tetapi bukan sebagai server tim ({reason}).</translation>
    </message>
    <message>
        <source>Check the address and port: use the URL the team server recipe prints.</source>
        <translation>Periksa alamat dan port: pakai URL yang dicetak oleh resep server tim.</translation>
    </message>
    <message>
        <source>A sync is already running for this data folder.</source>
        <translation>Sinkronisasi sudah berjalan untuk folder data ini.</translation>
    </message>
    <message>
        <source>Wait for it to finish.</source>
        <translation>Tunggu sampai selesai.</translation>
    </message>
    <message>
        <source>Everything is fine: the conversations database and the knowledge store passed every check.</source>
        <translation>Semua baik: basis data percakapan dan penyimpanan pengetahuan lolos semua pemeriksaan.</translation>
    </message>
    <message>
        <source>Repaired: {messages} messages in {conversations} conversations salvaged.</source>
        <translation>Diperbaiki: {messages} pesan dalam {conversations} percakapan diselamatkan.</translation>
    </message>
    <message>
        <source>Repaired: knowledge store rebuilt with {total} insights ({own} of your own, from the {own_from}).</source>
        <translation>Diperbaiki: penyimpanan pengetahuan dibangun ulang dengan {total} wawasan ({own} milik Anda, dari {own_from}).</translation>
    </message>
    <message>
        <source>The damaged files are kept in {path}.</source>
        <translation>Berkas yang rusak disimpan di {path}.</translation>
    </message>
    <message>
        <source>Run `zantara doctor --repair` to rebuild what is damaged.</source>
        <translation>Tekan Perbaiki untuk membangun ulang yang rusak.</translation>
    </message>
    <message>
        <source>The {store} holds {now} where backup {backup} holds {then}: it vanished or was emptied.</source>
        <translation>{store} berisi {now}, sedangkan cadangan {backup} berisi {then}: data hilang atau dikosongkan.</translation>
    </message>
    <message>
        <source>Run `zantara restore {backup}` to bring it back (what is there now is kept aside).</source>
        <translation>Jalankan `zantara restore {backup}` untuk memulihkannya (isi yang sekarang disimpan terpisah).</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Tidak ada yang diubah: {reason}</translation>
    </message>
    <message>
        <source>Your data is where it was: conversations in {database}, insights in {store}.</source>
        <translation>Data Anda tetap di tempatnya: percakapan di {database}, wawasan di {store}.</translation>
    </message>
    <message>
        <source>Answer memory rebuilt from the conversations: {answers} earlier answers.</source>
        <translation>Memori jawaban dibangun ulang dari percakapan: {answers} jawaban sebelumnya.</translation>
    </message>
    <message>
        <source>The disk is full ({free} free where the data lives, {folder}).</source>
        <translation>Disk penuh ({free} tersisa di lokasi data, {folder}).</translation>
    </message>
    <message>
        <source>Free some space and try again; nothing is damaged, there is nothing to repair.</source>
        <translation>Kosongkan sebagian ruang lalu coba lagi; tidak ada yang rusak, tidak ada yang perlu diperbaiki.</translation>
    </message>
    <message>
        <source>Not enough free disk space to {action}: it needs about {need}, {free} are free.</source>
        <translation>Ruang disk tidak cukup untuk {action}: dibutuhkan sekitar {need}, tersedia {free}.</translation>
    </message>
    <message>
        <source>Free some space and run it again; nothing was changed.</source>
        <translation>Kosongkan sebagian ruang lalu jalankan lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>the team's documents could not be searched ({error})</source>
        <translation>dokumen tim tidak dapat dicari ({error})</translation>
    </message>
    <message>
        <source>{n} citation(s) matching no passage sent were removed</source>
        <translation>{n} kutipan yang tidak cocok dengan bagian yang dikirim telah dihapus</translation>
    </message>
    <message>
        <source>{n} citation(s) whose passage does not state the cited sentence were removed</source>
        <translation>{n} kutipan yang bagiannya tidak menyatakan kalimat yang dikutip telah dihapus</translation>
    </message>
    <message>
        <source>{n} passages from the team's documents</source>
        <translation>{n} bagian dari dokumen tim</translation>
    </message>
    <message>
        <source>{name}: files of type {suffix} are not read.</source>
        <translation>{name}: berkas jenis {suffix} tidak dibaca.</translation>
    </message>
    <message>
        <source>Add PDF, DOCX, Markdown, plain text or HTML files.</source>
        <translation>Tambahkan berkas PDF, DOCX, Markdown, teks biasa, atau HTML.</translation>
    </message>
    <message>
        <source>{name}: no such file or folder.</source>
        <translation>{name}: berkas atau folder tidak ada.</translation>
    </message>
    <message>
        <source>Check the path.</source>
        <translation>Periksa jalurnya.</translation>
    </message>
    <message>
        <source>{name} disappeared while it was being indexed.</source>
        <translation>{name} hilang saat sedang diindeks.</translation>
    </message>
    <message>
        <source>Nothing of it was added; add it again if it comes back.</source>
        <translation>Tidak ada bagiannya yang ditambahkan; tambahkan lagi jika berkasnya kembali.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({error}).</source>
        <translation>{name} tidak dapat dibaca ({error}).</translation>
    </message>
    <message>
        <source>Check that your account may read the file.</source>
        <translation>Periksa apakah akun Anda boleh membaca berkas ini.</translation>
    </message>
    <message>
        <source>{name} is too large to index ({mb} MB).</source>
        <translation>{name} terlalu besar untuk diindeks ({mb} MB).</translation>
    </message>
    <message>
        <source>Split it into smaller files.</source>
        <translation>Pecah menjadi berkas yang lebih kecil.</translation>
    </message>
    <message>
        <source>{name} has {pages} pages, more than the {limit} indexed per file.</source>
        <translation>{name} memiliki {pages} halaman, lebih dari {limit} yang diindeks per berkas.</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({error}).</source>
        <translation>{name} rusak dan tidak dapat dibaca ({error}).</translation>
    </message>
    <message>
        <source>Open it in its own program and save it again.</source>
        <translation>Buka dengan programnya sendiri lalu simpan ulang.</translation>
    </message>
    <message>
        <source>{name} is protected by a password.</source>
        <translation>{name} dilindungi kata sandi.</translation>
    </message>
    <message>
        <source>Save a copy without the password and add that.</source>
        <translation>Simpan salinan tanpa kata sandi lalu tambahkan salinan itu.</translation>
    </message>
    <message>
        <source>{name} is a scan: its {pages} pages have no text layer.</source>
        <translation>{name} adalah hasil pindaian: {pages} halamannya tidak memiliki lapisan teks.</translation>
    </message>
    <message>
        <source>Run it through OCR (for example ocrmypdf) and add the result.</source>
        <translation>Proses dengan OCR (misalnya ocrmypdf) lalu tambahkan hasilnya.</translation>
    </message>
    <message>
        <source>{name} is not a text file (binary content).</source>
        <translation>{name} bukan berkas teks (isi biner).</translation>
    </message>
    <message>
        <source>Give it the right extension, or leave it out.</source>
        <translation>Beri ekstensi yang benar, atau jangan ditambahkan.</translation>
    </message>
    <message>
        <source>{name} unpacks to {mb} MB ({ratio}x its size): refused as a possible zip bomb.</source>
        <translation>{name} terurai menjadi {mb} MB ({ratio}x ukurannya): ditolak sebagai kemungkinan zip bomb.</translation>
    </message>
    <message>
        <source>Open it in Word and save it again; a real document is far smaller.</source>
        <translation>Buka di Word lalu simpan ulang; dokumen asli jauh lebih kecil.</translation>
    </message>
    <message>
        <source>{name} has no text.</source>
        <translation>{name} tidak berisi teks.</translation>
    </message>
    <message>
        <source>Nothing to index.</source>
        <translation>Tidak ada yang perlu diindeks.</translation>
    </message>
    <message>
        <source>{name} could not be indexed ({error}).</source>
        <translation>{name} tidak dapat diindeks ({error}).</translation>
    </message>
    <message>
        <source>Nothing of it was added; try again with `zantara docs add`.</source>
        <translation>Tidak ada bagiannya yang ditambahkan; coba lagi dengan `zantara docs add`.</translation>
    </message>
    <message>
        <source>found in models folder</source>
        <translation>ditemukan di folder model</translation>
    </message>
    <message>
        <source>No team server is set. Set its address: `zantara settings set team_url https://HOST:PORT` (or ZANTARA_TEAM_URL).</source>
        <translation>Belum ada server tim yang diatur. Atur alamatnya: `zantara settings set team_url https://HOST:PORT` (atau ZANTARA_TEAM_URL).</translation>
    </message>
    <message>
        <source>'{url}' is not a team server address. Use https://HOST:PORT.</source>
        <translation>'{url}' bukan alamat server tim. Gunakan https://HOST:PORT.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: the team server holds what clients asked. Use the team server's https address (make team-server serves one), or, if you really must, `zantara settings set team_allow_http on`.</source>
        <translation>Menolak http biasa ke {host}: server tim menyimpan apa yang ditanyakan klien. Gunakan alamat https server tim (make team-server menyediakannya), atau, jika memang harus, `zantara settings set team_allow_http on`.</translation>
    </message>
    <message>
        <source>The team server at {url} needs a token and none is set. Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.</source>
        <translation>Server tim di {url} memerlukan token dan belum ada yang diatur. Atur yang benar di Pengaturan → Pengetahuan, dengan `zantara sync token` atau ZANTARA_TEAM_TOKEN.</translation>
    </message>
    <message>
        <source>The team server at {url} refused the token. Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.</source>
        <translation>Server tim di {url} menolak token. Atur yang benar di Pengaturan → Pengetahuan, dengan `zantara sync token` atau ZANTARA_TEAM_TOKEN.</translation>
    </message>
    <message>
        <source>The team server's certificate at {url} is not trusted ({reason}). Point the team_ca setting at the server's certificate (make team-server prints it), or set team_verify_tls off for a first try.</source>
        <translation>Sertifikat server tim di {url} tidak dipercaya ({reason}). Arahkan pengaturan team_ca ke sertifikat server (make team-server mencetaknya), atau untuk percobaan pertama atur team_verify_tls ke off.</translation>
    </message>
    <message>
        <source>The team server at {url} is unreachable ({reason}). Working from this laptop's copy; the next sync sends what is waiting.</source>
        <translation>Server tim di {url} tidak terjangkau ({reason}). Bekerja dari salinan di laptop ini; sinkronisasi berikutnya mengirim yang menunggu.</translation>
    </message>
    <message>
        <source>{url} answers, but not as a team server ({reason}). Check the address and port: use the URL the team server recipe prints.</source>
        <translation>{url} menjawab, tetapi bukan sebagai server tim ({reason}). Periksa alamat dan port: pakai URL yang dicetak oleh resep server tim.</translation>
    </message>
    <message>
        <source>A sync is already running for this data folder. Wait for it to finish.</source>
        <translation>Sinkronisasi sudah berjalan untuk folder data ini. Tunggu sampai selesai.</translation>
    </message>
    <message>
        <source>Bundled default. Fast (about 90 tokens/s on 2 threads) but weak: fluent English with made-up facts, and poor Indonesian and Italian. It writes the warm opening and closing (checked) and drafts insights for review. It does not write offline answers: earlier Claude answers and the insights answer instead until a larger model is installed. It writes no live cultural notes for Claude: tested on real messages, most of its notes misread them.</source>
        <translation>Bawaan terpasang. Cepat (sekitar 90 token/dtk di 2 thread) tetapi lemah: bahasa Inggris lancar dengan fakta karangan, serta bahasa Indonesia dan Italia yang buruk. Model ini menulis pembuka dan penutup yang hangat (diperiksa) dan draf wawasan untuk ditinjau. Tidak menulis jawaban offline: jawaban Claude sebelumnya dan wawasan yang menjawab sampai model yang lebih besar dipasang. Tidak menulis catatan budaya langsung untuk Claude: saat diuji pada pesan nyata, sebagian besar catatannya salah membaca pesan.</translation>
    </message>
    <message>
        <source>Fast on any laptop; Italian is officially supported, Indonesian is passable.</source>
        <translation>Cepat di laptop apa pun; bahasa Italia didukung resmi, bahasa Indonesia lumayan.</translation>
    </message>
    <message>
        <source>Small multilingual model; good enough for notes and short answers in all three languages.</source>
        <translation>Model multibahasa kecil; cukup untuk catatan dan jawaban singkat dalam ketiga bahasa.</translation>
    </message>
    <message>
        <source>Warm, fluent style; no system prompt in its chat template (llama.cpp folds it into the first turn).</source>
        <translation>Gaya hangat dan lancar; templat obrolannya tidak punya prompt sistem (llama.cpp memasukkannya ke giliran pertama).</translation>
    </message>
    <message>
        <source>Good all-rounder for 8 GB laptops.</source>
        <translation>Serba bisa untuk laptop 8 GB.</translation>
    </message>
    <message>
        <source>Strong for its size in Indonesian; its licence forbids commercial use: check before using it for client work.</source>
        <translation>Kuat dalam bahasa Indonesia untuk ukurannya; lisensinya melarang penggunaan komersial: periksa dulu sebelum dipakai untuk pekerjaan klien.</translation>
    </message>
    <message>
        <source>Best quality here for insight generation; slow on 2 cores, so not for live notes.</source>
        <translation>Kualitas terbaik di sini untuk membuat wawasan; lambat di 2 inti, jadi bukan untuk catatan langsung.</translation>
    </message>
    <message>
        <source>Trained for Southeast Asian languages: the most natural Indonesian; weaker in Italian.</source>
        <translation>Dilatih untuk bahasa-bahasa Asia Tenggara: bahasa Indonesia paling alami; lebih lemah dalam bahasa Italia.</translation>
    </message>
</context>
</TS>
