<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>Zantara</name>
    <message>
        <source>Online model</source>
        <translation>Modello online</translation>
    </message>
    <message>
        <source>continued offline</source>
        <translation>continuazione offline</translation>
    </message>
    <message>
        <source>Zantara (fixed phrase)</source>
        <translation>Zantara (frase fissa)</translation>
    </message>
    <message>
        <source>earlier answers and cultural notes</source>
        <translation>risposte precedenti e note culturali</translation>
    </message>
    <message>
        <source>cultural notes</source>
        <translation>note culturali</translation>
    </message>
    <message>
        <source>Local model (offline)</source>
        <translation>Modello locale (offline)</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Modello locale</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>apertura</translation>
    </message>
    <message>
        <source>beginning, until the connection was lost</source>
        <translation>inizio, fino alla perdita della connessione</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>risposta</translation>
    </message>
    <message>
        <source>warm rewrite (shown)</source>
        <translation>riscrittura calorosa (mostrata)</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>chiusura</translation>
    </message>
    <message>
        <source>live cultural note for Claude</source>
        <translation>nota culturale dal vivo per Claude</translation>
    </message>
    <message>
        <source>team documents, earlier answers and cultural notes</source>
        <translation>documenti del team, risposte precedenti e note culturali</translation>
    </message>
    <message>
        <source>team documents and cultural notes</source>
        <translation>documenti del team e note culturali</translation>
    </message>
    <message>
        <source>Preparing the knowledge base…</source>
        <translation>Preparazione della base di conoscenza…</translation>
    </message>
    <message>
        <source>Wait for the answer or press Esc to stop it.</source>
        <translation>Attendi la risposta o premi Esc per fermarla.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Interruzione…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Interrotta.</translation>
    </message>
    <message>
        <source>This answer was not saved, so it cannot be regenerated.</source>
        <translation>Questa risposta non è stata salvata, quindi non si può rigenerare.</translation>
    </message>
    <message>
        <source>Claude is late: showing what Zantara knows meanwhile</source>
        <translation>Claude è in ritardo: intanto ecco cosa sa Zantara</translation>
    </message>
    <message>
        <source>The answer failed: {err}</source>
        <translation>La risposta non è riuscita: {err}</translation>
    </message>
    <message>
        <source>Ready: {n} cultural insights</source>
        <translation>Pronto: {n} insight culturali</translation>
    </message>
    <message>
        <source>Knowledge base unavailable: {err}</source>
        <translation>Base di conoscenza non disponibile: {err}</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Testo del messaggio</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Copy this message as Markdown</source>
        <translation>Copia questo messaggio in Markdown</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copia messaggio</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Rigenera</translation>
    </message>
    <message>
        <source>Ask again for a new answer to the same message</source>
        <translation>Chiedi una nuova risposta allo stesso messaggio</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Rigenera risposta</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contesto</translation>
    </message>
    <message>
        <source>Show the insights, strategy and timings behind this answer</source>
        <translation>Mostra gli insight, la strategia e i tempi dietro questa risposta</translation>
    </message>
    <message>
        <source>Show answer context</source>
        <translation>Mostra il contesto della risposta</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversazione</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation>sta pensando…</translation>
    </message>
    <message>
        <source>No live cultural note: the local model is too small to write one; a larger one can be installed in Settings › Models.</source>
        <translation>Nessuna nota culturale dal vivo: il modello locale è troppo piccolo per scriverla; se ne può installare uno più grande in Impostazioni › Modelli.</translation>
    </message>
    <message>
        <source>Zantara answers in your language and shows the cultural insights behind each answer.</source>
        <translation>Zantara risponde nella tua lingua e mostra gli insight culturali dietro ogni risposta.</translation>
    </message>
    <message>
        <source>Partial answer: the rest could not be completed.</source>
        <translation>Risposta parziale: il resto non è stato completato.</translation>
    </message>
    <message>
        <source>Ask anything about visas, KITAS, PT PMA or life in Bali.</source>
        <translation>Chiedi qualsiasi cosa su visti, KITAS, PT PMA o la vita a Bali.</translation>
    </message>
    <message>
        <source>Interrupted: Zantara was closed while writing this answer.</source>
        <translation>Interrotta: Zantara è stato chiuso mentre scriveva questa risposta.</translation>
    </message>
    <message>
        <source>Answered offline: {reason}.</source>
        <translation>Risposta offline: {reason}.</translation>
    </message>
    <message>
        <source>Compare answers</source>
        <translation>Confronta le risposte</translation>
    </message>
    <message>
        <source>A is better</source>
        <translation>Meglio A</translation>
    </message>
    <message>
        <source>Key A</source>
        <translation>Tasto A</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>Meglio B</translation>
    </message>
    <message>
        <source>Key B</source>
        <translation>Tasto B</translation>
    </message>
    <message>
        <source>About the same</source>
        <translation>Più o meno uguali</translation>
    </message>
    <message>
        <source>Key T</source>
        <translation>Tasto T</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Answering the same question with another strategy…</source>
        <translation>Rispondo alla stessa domanda con un'altra strategia…</translation>
    </message>
    <message>
        <source>Which answer is better? The strategies are shown after you pick (keys A, B, T).</source>
        <translation>Quale risposta è migliore? Le strategie si vedono dopo la scelta (tasti A, B, T).</translation>
    </message>
    <message>
        <source>Stored: about the same.</source>
        <translation>Salvato: più o meno uguali.</translation>
    </message>
    <message>
        <source>Question: {q}</source>
        <translation>Domanda: {q}</translation>
    </message>
    <message>
        <source>The comparison failed: {err}</source>
        <translation>Il confronto non è riuscito: {err}</translation>
    </message>
    <message>
        <source>Answer {side}</source>
        <translation>Risposta {side}</translation>
    </message>
    <message>
        <source>Stored: {side} ({strategy}) is better.</source>
        <translation>Salvato: {side} ({strategy}) è migliore.</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter adds a line)</source>
        <translation>Scrivi un messaggio… (Invio invia, Maiusc+Invio va a capo)</translation>
    </message>
    <message>
        <source>Message input</source>
        <translation>Campo del messaggio</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line, Ctrl+L focuses</source>
        <translation>Invio invia, Maiusc+Invio va a capo, Ctrl+L porta qui</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Invia il messaggio (Invio)</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Invia messaggio</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Ferma la risposta (Esc)</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Ferma la risposta</translation>
    </message>
    <message>
        <source>ready in time</source>
        <translation>pronta in tempo</translation>
    </message>
    <message>
        <source>too late</source>
        <translation>troppo tardi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscita</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>scartato</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Select an answer to see the insights and timings behind it.</source>
        <translation>Seleziona una risposta per vedere gli insight e i tempi dietro di essa.</translation>
    </message>
    <message>
        <source>used</source>
        <translation>usata</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>non usata</translation>
    </message>
    <message>
        <source>{n} citation(s) cited a passage that does not state the sentence and were removed.</source>
        <translation>{n} citazione/i indicavano un passaggio che non afferma la frase e sono state rimosse.</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Risposta di</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategia</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Why offline</source>
        <translation>Perché offline</translation>
    </message>
    <message>
        <source>Why it stopped</source>
        <translation>Perché si è fermata</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Persi</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Aggiunti</translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation>Recupero</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Primo token</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <source>{inp} input tokens ({ins} from the insights), {out} output tokens, about ${cost}</source>
        <translation>{inp} token in ingresso ({ins} dagli insight), {out} token in uscita, circa ${cost}</translation>
    </message>
    <message>
        <source>asked by {who} on {date} in “{title}”</source>
        <translation>chiesto da {who} il {date} in “{title}”</translation>
    </message>
    <message>
        <source>Answer context</source>
        <translation>Contesto della risposta</translation>
    </message>
    <message>
        <source>The insights, strategy and timings behind the selected answer</source>
        <translation>Gli insight, la strategia e i tempi dietro la risposta selezionata</translation>
    </message>
    <message>
        <source>Message embedded by {engine}</source>
        <translation>Vettore del messaggio calcolato da {engine}</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>pagina {page}</translation>
    </message>
    <message>
        <source>{n} citation(s) matched no passage sent and were removed.</source>
        <translation>{n} citazione/i non corrispondevano a nessun passaggio inviato e sono state rimosse.</translation>
    </message>
    <message>
        <source>a colleague's answer, synced from their laptop</source>
        <translation>risposta di un collega, sincronizzata dal suo portatile</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Live cultural note</source>
        <translation>Nota culturale dal vivo</translation>
    </message>
    <message>
        <source>Rewrite kept every fact</source>
        <translation>La riscrittura ha mantenuto tutti i fatti</translation>
    </message>
    <message>
        <source>Rewrite rejected; original shown</source>
        <translation>Riscrittura scartata; mostrato l'originale</translation>
    </message>
    <message>
        <source>Fact guard</source>
        <translation>Controllo dei fatti</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Tempi</translation>
    </message>
    <message>
        <source>Who wrote what</source>
        <translation>Chi ha scritto cosa</translation>
    </message>
    <message>
        <source>Document passages cited</source>
        <translation>Passaggi dei documenti citati</translation>
    </message>
    <message>
        <source>Cultural insights used</source>
        <translation>Insight culturali usati</translation>
    </message>
    <message>
        <source>No cultural context was needed.</source>
        <translation>Non serviva contesto culturale.</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>Nessuno trovato.</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Somiglianza</translation>
    </message>
    <message>
        <source>from {name}'s laptop, {date}</source>
        <translation>dal portatile di {name}, {date}</translation>
    </message>
    <message>
        <source>Document passages sent, not cited</source>
        <translation>Passaggi dei documenti inviati, non citati</translation>
    </message>
    <message>
        <source>Found but not sent</source>
        <translation>Trovati ma non inviati</translation>
    </message>
    <message>
        <source>Retrieved, but not in the prompt of the model that wrote this answer.</source>
        <translation>Recuperati, ma non nel prompt del modello che ha scritto questa risposta.</translation>
    </message>
    <message>
        <source>readable</source>
        <translation>leggibile</translation>
    </message>
    <message>
        <source>Local answer not shown</source>
        <translation>Risposta locale non mostrata</translation>
    </message>
    <message>
        <source>Readability</source>
        <translation>Leggibilità</translation>
    </message>
    <message>
        <source>Earlier Claude answers</source>
        <translation>Risposte precedenti di Claude</translation>
    </message>
    <message>
        <source>Earlier answer to another, possibly related question, not this one</source>
        <translation>Risposta precedente a un'altra domanda, forse correlata, non a questa</translation>
    </message>
    <message>
        <source>Model ({role})</source>
        <translation>Modello ({role})</translation>
    </message>
    <message>
        <source>Claude usage</source>
        <translation>Consumo di Claude</translation>
    </message>
    <message>
        <source>None were sent to the model that wrote this answer.</source>
        <translation>Nessuno è stato inviato al modello che ha scritto questa risposta.</translation>
    </message>
    <message>
        <source>Good answer (Ctrl+Shift+Up)</source>
        <translation>Buona risposta (Ctrl+Maiusc+Su)</translation>
    </message>
    <message>
        <source>Rate this answer good</source>
        <translation>Valuta buona questa risposta</translation>
    </message>
    <message>
        <source>Poor answer (Ctrl+Shift+Down)</source>
        <translation>Risposta scarsa (Ctrl+Maiusc+Giù)</translation>
    </message>
    <message>
        <source>Rate this answer poor</source>
        <translation>Valuta scarsa questa risposta</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Confronta</translation>
    </message>
    <message>
        <source>Answer the same question with another strategy and pick the better one, blind (Ctrl+Shift+K)</source>
        <translation>Rispondi alla stessa domanda con un'altra strategia e scegli la migliore, alla cieca (Ctrl+Maiusc+K)</translation>
    </message>
    <message>
        <source>Compare with another strategy</source>
        <translation>Confronta con un'altra strategia</translation>
    </message>
    <message>
        <source>Note on this rating</source>
        <translation>Nota su questa valutazione</translation>
    </message>
    <message>
        <source>A note for the team (Enter saves)</source>
        <translation>Una nota per il team (Invio salva)</translation>
    </message>
    <message>
        <source>Rating note</source>
        <translation>Nota della valutazione</translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation>Feedback…</translation>
    </message>
    <message>
        <source>Which strategy wins, from your ratings (Ctrl+Shift+F)</source>
        <translation>Quale strategia vince, dalle vostre valutazioni (Ctrl+Maiusc+F)</translation>
    </message>
    <message>
        <source>Usage and cost…</source>
        <translation>Consumo e costi…</translation>
    </message>
    <message>
        <source>Claude tokens and cost per day, model and strategy (Ctrl+Shift+U)</source>
        <translation>Token e costi di Claude per giorno, modello e strategia (Ctrl+Maiusc+U)</translation>
    </message>
    <message>
        <source>warmer</source>
        <translation>più caldo</translation>
    </message>
    <message>
        <source>colder</source>
        <translation>più freddo</translation>
    </message>
    <message>
        <source>wrong facts</source>
        <translation>fatti sbagliati</translation>
    </message>
    <message>
        <source>wrong language</source>
        <translation>lingua sbagliata</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>troppo lungo</translation>
    </message>
    <message>
        <source>Note ✎</source>
        <translation>Nota ✎</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Aggiungi nota…</translation>
    </message>
    <message>
        <source>Add a free note to this rating (Ctrl+Shift+N)</source>
        <translation>Aggiungi una nota libera a questa valutazione (Ctrl+Maiusc+N)</translation>
    </message>
    <message>
        <source>There is no saved answer to rate yet.</source>
        <translation>Non c'è ancora una risposta salvata da valutare.</translation>
    </message>
    <message>
        <source>Rate the answer first (Ctrl+Shift+Up or Down).</source>
        <translation>Prima valuta la risposta (Ctrl+Maiusc+Su o Giù).</translation>
    </message>
    <message>
        <source>Rating removed.</source>
        <translation>Valutazione rimossa.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
    <message>
        <source>Rating saved.</source>
        <translation>Valutazione salvata.</translation>
    </message>
    <message>
        <source>Rating saved, but not shared with the team: {err}</source>
        <translation>Valutazione salvata, ma non condivisa con il team: {err}</translation>
    </message>
    <message>
        <source>Local draft (shown while Claude was late)</source>
        <translation>Bozza locale (mostrata mentre Claude tardava)</translation>
    </message>
    <message>
        <source>What Zantara showed before Claude's answer started</source>
        <translation>Cosa ha mostrato Zantara prima che iniziasse la risposta di Claude</translation>
    </message>
    <message>
        <source>Show the local draft</source>
        <translation>Mostra la bozza locale</translation>
    </message>
    <message>
        <source>Zantara hit an unexpected error</source>
        <translation>Zantara ha incontrato un errore inatteso</translation>
    </message>
    <message>
        <source>Something went wrong. Your conversations are saved; you can keep working.</source>
        <translation>Qualcosa è andato storto. Le tue conversazioni sono salvate; puoi continuare a lavorare.</translation>
    </message>
    <message>
        <source>A report was saved to:</source>
        <translation>Un rapporto è stato salvato in:</translation>
    </message>
    <message>
        <source>Cultural note</source>
        <translation>Nota culturale</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Apertura</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Chiusura</translation>
    </message>
    <message>
        <source>Warmer rewrite</source>
        <translation>Riscrittura più calorosa</translation>
    </message>
    <message>
        <source>Earlier answers</source>
        <translation>Risposte precedenti</translation>
    </message>
    <message>
        <source>Saved for offline answers</source>
        <translation>Salvata per le risposte offline</translation>
    </message>
    <message>
        <source>local model</source>
        <translation>modello locale</translation>
    </message>
    <message>
        <source>online model</source>
        <translation>modello online</translation>
    </message>
    <message>
        <source>cultural note</source>
        <translation>nota culturale</translation>
    </message>
    <message>
        <source>warmer rewrite</source>
        <translation>riscrittura più calorosa</translation>
    </message>
    <message>
        <source>opening and closing</source>
        <translation>apertura e chiusura</translation>
    </message>
    <message>
        <source>{n} ms</source>
        <translation>{n} ms</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>generated by {model}</source>
        <translation>generato da {model}</translation>
    </message>
    <message>
        <source>curated</source>
        <translation>curato</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>aggiunto da te</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglese</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>indonesiano</translation>
    </message>
    <message>
        <source>The cultural insights could not be searched ({err}), so this answer was written without them. Tools → Check data… can repair the knowledge store.</source>
        <translation>Non è stato possibile cercare gli insight culturali ({err}), quindi questa risposta è stata scritta senza. Strumenti → Controlla i dati… può riparare l'archivio della conoscenza.</translation>
    </message>
    <message>
        <source>The cultural insights could not be searched: the shared Chroma server at {url} did not answer, so this answer was written without them. Start the server, or change its address in Settings → Knowledge.</source>
        <translation>Non è stato possibile cercare gli insight culturali: il server Chroma condiviso su {url} non ha risposto, quindi questa risposta è stata scritta senza. Avvia il server o cambia il suo indirizzo in Impostazioni → Conoscenza.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <source>length</source>
        <translation>lunghezza</translation>
    </message>
    <message>
        <source>banned words</source>
        <translation>parole vietate</translation>
    </message>
    <message>
        <source>language</source>
        <translation>lingua</translation>
    </message>
    <message>
        <source>fluency</source>
        <translation>scorrevolezza</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>ripetizioni</translation>
    </message>
    <message>
        <source>echo of the request</source>
        <translation>eco della richiesta</translation>
    </message>
    <message>
        <source>on topic</source>
        <translation>pertinenza</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicato</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accettato</translation>
    </message>
    <message>
        <source>pending approval</source>
        <translation>in attesa di approvazione</translation>
    </message>
    <message>
        <source>approved at once</source>
        <translation>approvati subito</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so Zantara keeps it in an encrypted file in its data folder.</source>
        <translation>Questo computer non ha un portachiavi di sistema, quindi Zantara la conserva in un file cifrato nella sua cartella dei dati.</translation>
    </message>
    <message>
        <source>It is stored in your system keyring, never in a plain file.</source>
        <translation>Viene conservata nel portachiavi di sistema, mai in un file in chiaro.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verifica…</translation>
    </message>
    <message>
        <source>The system keyring could not store the key. Press “Store in an encrypted file” to keep it in Zantara's data folder instead; what you typed is still in the field.</source>
        <translation>Il portachiavi di sistema non ha potuto salvare la chiave. Premi «Salva in un file cifrato» per conservarla invece nella cartella dei dati di Zantara; ciò che hai digitato è ancora nel campo.</translation>
    </message>
    <message>
        <source>A key is set (stored in the system keyring).</source>
        <translation>Una chiave è impostata (nel portachiavi di sistema).</translation>
    </message>
    <message>
        <source>No system keyring is available here: Zantara can keep the key in an encrypted file in its data folder (readable only with this computer account).</source>
        <translation>Qui non c'è un portachiavi di sistema: Zantara può conservare la chiave in un file cifrato nella sua cartella dei dati (leggibile solo con questo account del computer).</translation>
    </message>
    <message>
        <source>Could not store the key: {err}. What you typed is still in the field.</source>
        <translation>Impossibile salvare la chiave: {err}. Ciò che hai digitato è ancora nel campo.</translation>
    </message>
    <message>
        <source>A key is set (stored in an encrypted file in Zantara's data folder).</source>
        <translation>Una chiave è impostata (in un file cifrato nella cartella dei dati di Zantara).</translation>
    </message>
    <message>
        <source>No key: answers come from the local model, offline.</source>
        <translation>Nessuna chiave: le risposte vengono dal modello locale, offline.</translation>
    </message>
    <message>
        <source>{kind}, with no details</source>
        <translation>{kind}, senza dettagli</translation>
    </message>
    <message>
        <source>A key is set (from the ANTHROPIC_API_KEY environment variable).</source>
        <translation>Una chiave è impostata (dalla variabile d'ambiente ANTHROPIC_API_KEY).</translation>
    </message>
    <message>
        <source>Claude unavailable</source>
        <translation>Claude non disponibile</translation>
    </message>
    <message>
        <source>answer not readable</source>
        <translation>risposta illeggibile</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>interrotta</translation>
    </message>
    <message>
        <source>knowledge store error</source>
        <translation>errore dell'archivio conoscenze</translation>
    </message>
    <message>
        <source>damaged data</source>
        <translation>dati danneggiati</translation>
    </message>
    <message>
        <source>model file error</source>
        <translation>errore nel file del modello</translation>
    </message>
    <message>
        <source>model not found</source>
        <translation>modello non trovato</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tempo scaduto</translation>
    </message>
    <message>
        <source>error</source>
        <translation>errore</translation>
    </message>
    <message>
        <source>Claude: {reason}</source>
        <translation>Claude: {reason}</translation>
    </message>
    <message>
        <source>Cannot reach {url}: {reason}. Check the address and that the server runs (`chroma run --port N` on the server), or choose the local store. Keep this address anyway?</source>
        <translation>Impossibile raggiungere {url}: {reason}. Controlla l'indirizzo e che il server sia avviato (`chroma run --port N` sul server), oppure scegli l'archivio locale. Tenere comunque questo indirizzo?</translation>
    </message>
    <message>
        <source>this is not a valid address (expected http://host:port)</source>
        <translation>non è un indirizzo valido (atteso http://host:porta)</translation>
    </message>
    <message>
        <source>nothing is listening there (connection refused)</source>
        <translation>lì non risponde nessuno (connessione rifiutata)</translation>
    </message>
    <message>
        <source>the host name is unknown</source>
        <translation>il nome host è sconosciuto</translation>
    </message>
    <message>
        <source>no answer within a few seconds</source>
        <translation>nessuna risposta entro pochi secondi</translation>
    </message>
    <message>
        <source>something answered, but it is not a Chroma server</source>
        <translation>qualcosa ha risposto, ma non è un server Chroma</translation>
    </message>
    <message>
        <source>the server needs the team token and none is set</source>
        <translation>il server richiede il token del team e non ne è impostato nessuno</translation>
    </message>
    <message>
        <source>the server refused the team token</source>
        <translation>il server ha rifiutato il token del team</translation>
    </message>
    <message>
        <source>its certificate is not trusted</source>
        <translation>il suo certificato non è attendibile</translation>
    </message>
    <message>
        <source>plain http to another machine is refused (use https)</source>
        <translation>l'http semplice verso un'altra macchina è rifiutato (usa https)</translation>
    </message>
    <message>
        <source>The team server at {url} answered, but {reason}. Enter the token your team was given under Team token. Keep this address anyway?</source>
        <translation>Il server del team a {url} ha risposto, ma {reason}. Inserisci il token che ti ha dato il team in Token del team. Tenere comunque questo indirizzo?</translation>
    </message>
    <message>
        <source>Updated from its folder: {name}</source>
        <translation>Aggiornato dalla sua cartella: {name}</translation>
    </message>
    <message>
        <source>Removed (gone from its folder): {name}</source>
        <translation>Rimosso (non è più nella sua cartella): {name}</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Aggiungi documenti</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>Aggiungi una cartella di documenti</translation>
    </message>
    <message>
        <source>Adding documents</source>
        <translation>Aggiunta dei documenti</translation>
    </message>
    <message>
        <source>Checking documents again</source>
        <translation>Nuovo controllo dei documenti</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>The team's own files (PDF, DOCX, Markdown, text, HTML): answers quote and cite them, online and offline. Drop files or folders here, or add them with the buttons.</source>
        <translation>I file del team (PDF, DOCX, Markdown, testo, HTML): le risposte li citano, online e offline. Trascina qui file o cartelle, oppure aggiungili con i pulsanti.</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Aggiungi &amp;file…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Aggiungi &amp;cartella…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Controlla di &amp;nuovo</translation>
    </message>
    <message>
        <source>Watched folders: while the app runs, what changes in them is indexed again.</source>
        <translation>Cartelle seguite: mentre l'app è aperta, ciò che cambia al loro interno viene indicizzato di nuovo.</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Cartelle seguite</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>&amp;Smetti di seguire</translation>
    </message>
    <message>
        <source>{indexed} indexed, {unchanged} unchanged, {errors} not indexed, {removed} removed</source>
        <translation>{indexed} indicizzati, {unchanged} invariati, {errors} non indicizzati, {removed} rimossi</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>Indicizzato</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passaggi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>{done} of {total}: {name}</source>
        <translation>{done} di {total}: {name}</translation>
    </message>
    <message>
        <source>{n} removed</source>
        <translation>{n} rimossi</translation>
    </message>
    <message>
        <source>Score of each strategy with its 95% interval</source>
        <translation>Punteggio di ogni strategia con il suo intervallo al 95%</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Language and profile:</source>
        <translation>Lingua e profilo:</translation>
    </message>
    <message>
        <source>Language and profile</source>
        <translation>Lingua e profilo</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Switch the default strategy when the ratings clearly favour another</source>
        <translation>Cambia la strategia predefinita quando le valutazioni ne preferiscono chiaramente un'altra</translation>
    </message>
    <message>
        <source>Per language and profile; only with enough ratings and a 95% probability of being best</source>
        <translation>Per lingua e profilo; solo con abbastanza valutazioni e una probabilità del 95% di essere la migliore</translation>
    </message>
    <message>
        <source>Minimum ratings:</source>
        <translation>Valutazioni minime:</translation>
    </message>
    <message>
        <source>Minimum ratings before switching</source>
        <translation>Valutazioni minime prima di cambiare</translation>
    </message>
    <message>
        <source>Share my ratings with the team (through the team's Chroma server)</source>
        <translation>Condividi le mie valutazioni con il team (tramite il server Chroma del team)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>No ratings yet for this group.</source>
        <translation>Ancora nessuna valutazione per questo gruppo.</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Vinti</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Intervallo 95%</translation>
    </message>
    <message>
        <source>P(best)</source>
        <translation>P(migliore)</translation>
    </message>
    <message>
        <source>Set the team's Chroma server in Settings first.</source>
        <translation>Prima imposta il server Chroma del team nelle Impostazioni.</translation>
    </message>
    <message>
        <source>{ratings} and {comparisons}. Default strategy: {s}.</source>
        <translation>{ratings} e {comparisons}. Strategia predefinita: {s}.</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valutazione</numerusform>
            <numerusform>%n valutazioni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blind comparison(s)</source>
        <translation>
            <numerusform>%n confronto alla cieca</numerusform>
            <numerusform>%n confronti alla cieca</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pooled with %n rating(s) from the team.</source>
        <translation>
            <numerusform>Insieme a %n valutazione del team.</numerusform>
            <numerusform>Insieme a %n valutazioni del team.</numerusform>
        </translation>
    </message>
    <message>
        <source>No ratings yet: rate answers or compare them.</source>
        <translation>Ancora nessuna valutazione: valuta le risposte o confrontale.</translation>
    </message>
    <message>
        <source>The report failed: {err}</source>
        <translation>Il resoconto non è riuscito: {err}</translation>
    </message>
    <message>
        <source>Reasons given: {list}</source>
        <translation>Motivi indicati: {list}</translation>
    </message>
    <message>
        <source>New default for this group: {s}.</source>
        <translation>Nuova predefinita per questo gruppo: {s}.</translation>
    </message>
    <message>
        <source>The default stays {s}.</source>
        <translation>La predefinita resta {s}.</translation>
    </message>
    <message>
        <source>{s} would become the default if switching were on.</source>
        <translation>{s} diventerebbe la predefinita se il cambio fosse attivo.</translation>
    </message>
    <message>
        <source>Team ratings unavailable: {err}</source>
        <translation>Valutazioni del team non disponibili: {err}</translation>
    </message>
    <message>
        <source>Cancelled. What was accepted so far is kept. Press Start to continue where it stopped.</source>
        <translation>Annullata. Quanto accettato finora viene conservato. Premi Avvia per continuare da dove si è fermata.</translation>
    </message>
    <message>
        <source>target reached</source>
        <translation>obiettivo raggiunto</translation>
    </message>
    <message>
        <source>stopped: attempt budget spent</source>
        <translation>fermata: tentativi esauriti</translation>
    </message>
    <message>
        <source>cancelled: progress saved; press Start to continue</source>
        <translation>annullata: progressi salvati; premi Avvia per continuare</translation>
    </message>
    <message>
        <source>interrupted: press Start to continue</source>
        <translation>interrotta: premi Avvia per continuare</translation>
    </message>
    <message>
        <source>Continue the last generation run</source>
        <translation>Continua l'ultima generazione</translation>
    </message>
    <message>
        <source>{done} of {total} · accepted {acc} · rejected {rej} · {rate:.1f} per minute · ETA {eta}</source>
        <translation>{done} di {total} · accettati {acc} · scartati {rej} · {rate:.1f} al minuto · fine tra {eta}</translation>
    </message>
    <message>
        <source>Quality gates (rejected first by / failed / passed):</source>
        <translation>Controlli di qualità (primo scarto / falliti / superati):</translation>
    </message>
    <message>
        <source>Per language:</source>
        <translation>Per lingua:</translation>
    </message>
    <message>
        <source>Per category:</source>
        <translation>Per categoria:</translation>
    </message>
    <message>
        <source>Per model:</source>
        <translation>Per modello:</translation>
    </message>
    <message>
        <source>Generate cultural insights</source>
        <translation>Genera insight culturali</translation>
    </message>
    <message>
        <source>How many accepted insights to aim for</source>
        <translation>Quanti insight accettati puntare a ottenere</translation>
    </message>
    <message>
        <source>Target number of insights</source>
        <translation>Numero obiettivo di insight</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Larger models write better Indonesian and Italian</source>
        <translation>I modelli più grandi scrivono meglio in indonesiano e italiano</translation>
    </message>
    <message>
        <source>Approve accepted insights at once (otherwise they wait as pending)</source>
        <translation>Approva subito gli insight accettati (altrimenti restano in attesa)</translation>
    </message>
    <message>
        <source>Resume the last unfinished run</source>
        <translation>Riprendi l'ultima generazione non finita</translation>
    </message>
    <message>
        <source>Continue where a cancelled or interrupted run stopped, without duplicates</source>
        <translation>Continua da dove si è fermata una generazione annullata o interrotta, senza duplicati</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Avvia</translation>
    </message>
    <message>
        <source>Start generation</source>
        <translation>Avvia la generazione</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Annulla generazione</translation>
    </message>
    <message>
        <source>Cancel generation</source>
        <translation>Annulla la generazione</translation>
    </message>
    <message>
        <source>A running generation goes on after you close this window; the status bar shows it.</source>
        <translation>Una generazione in corso continua anche dopo aver chiuso questa finestra; la barra di stato la mostra.</translation>
    </message>
    <message>
        <source>Generation progress</source>
        <translation>Avanzamento della generazione</translation>
    </message>
    <message>
        <source>Generation report</source>
        <translation>Rapporto della generazione</translation>
    </message>
    <message>
        <source>The report appears here: accepted and rejected insights per gate, language and category. New insights go in as pending until you approve them in the knowledge browser.</source>
        <translation>Qui compare il rapporto: insight accettati e scartati per controllo, lingua e categoria. I nuovi insight entrano in attesa finché non li approvi nella base di conoscenza.</translation>
    </message>
    <message>
        <source>{acc} accepted, {rej} rejected (target {target}).</source>
        <translation>{acc} accettati, {rej} scartati (obiettivo {target}).</translation>
    </message>
    <message>
        <source>Generate {n} insights</source>
        <translation>Genera {n} insight</translation>
    </message>
    <message>
        <source>Status: {s}</source>
        <translation>Stato: {s}</translation>
    </message>
    <message>
        <source>Model: {m}</source>
        <translation>Modello: {m}</translation>
    </message>
    <message>
        <source>Accepted {acc}, rejected {rej}, attempts {att} (acceptance {pct:.0%})</source>
        <translation>Accettati {acc}, scartati {rej}, tentativi {att} (accettazione {pct:.0%})</translation>
    </message>
    <message>
        <source>Time {t}, {r} accepted per minute; new insights are {st}</source>
        <translation>Tempo {t}, {r} accettati al minuto; i nuovi insight sono {st}</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Obiettivo:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Lingue:</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Categorie:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modello:</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Non avviata.</translation>
    </message>
    <message>
        <source>Choose at least one language and one category.</source>
        <translation>Scegli almeno una lingua e una categoria.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Caricamento del modello…</translation>
    </message>
    <message>
        <source>Cancelling after the current insight…</source>
        <translation>Annullamento dopo l'insight in corso…</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Completata.</translation>
    </message>
    <message>
        <source>Last attempt rejected by: {gate}</source>
        <translation>Ultimo tentativo scartato da: {gate}</translation>
    </message>
    <message>
        <source>Cancelled at {acc} of {target} accepted. Open Generate and press Start to continue.</source>
        <translation>Annullata a {acc} accettati su {target}. Apri Genera e premi Avvia per continuare.</translation>
    </message>
    <message>
        <source>Generation failed: {err}</source>
        <translation>Generazione fallita: {err}</translation>
    </message>
    <message>
        <source>A run stopped at {acc} of {target} accepted insights. Press Start to continue it (uncheck the box above to start a new one).</source>
        <translation>Una generazione si è fermata a {acc} insight accettati su {target}. Premi Avvia per continuarla (togli la spunta qui sopra per iniziarne una nuova).</translation>
    </message>
    <message>
        <source>{acc} accepted of {att} attempts</source>
        <translation>{acc} accettati su {att} tentativi</translation>
    </message>
    <message>
        <source>Check data</source>
        <translation>Controlla i dati</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>Resoconto del controllo</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Controlla di nuovo</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Ripara</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>Riparazione…</translation>
    </message>
    <message>
        <source>Everything is fine.</source>
        <translation>È tutto a posto.</translation>
    </message>
    <message>
        <source>Problems found.</source>
        <translation>Trovati dei problemi.</translation>
    </message>
    <message>
        <source>The check failed: {err}</source>
        <translation>Il controllo non è riuscito: {err}</translation>
    </message>
    <message>
        <source>lost a conflict</source>
        <translation>ha perso un conflitto</translation>
    </message>
    <message>
        <source>replaced by a newer edit</source>
        <translation>sostituita da una modifica più recente</translation>
    </message>
    <message>
        <source>Earlier versions (kept by the team sync):</source>
        <translation>Versioni precedenti (conservate dalla sincronizzazione del team):</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminato</translation>
    </message>
    <message>
        <source>Insight text</source>
        <translation>Testo dell'insight</translation>
    </message>
    <message>
        <source>What the cultural point means and how the assistant should answer because of it.</source>
        <translation>Cosa significa il punto culturale e come l'assistente deve rispondere di conseguenza.</translation>
    </message>
    <message>
        <source>comma-separated, e.g. malu, jam karet</source>
        <translation>separati da virgola, es. malu, jam karet</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Testo:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoria:</translation>
    </message>
    <message>
        <source>Concepts:</source>
        <translation>Concetti:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Stato:</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Versioni precedenti</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Rapporto di importazione</translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation>Errori di importazione</translation>
    </message>
    <message>
        <source>Knowledge: cultural insights</source>
        <translation>Conoscenza: insight culturali</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Search text or concepts</source>
        <translation>Cerca nel testo o nei concetti</translation>
    </message>
    <message>
        <source>Search insights</source>
        <translation>Cerca insight</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Insight</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approvato</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>in attesa</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Concetti</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>Edit insight</source>
        <translation>Modifica insight</translation>
    </message>
    <message>
        <source>Add insight</source>
        <translation>Aggiungi insight</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Nessun errore.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Aggiungi…</translation>
    </message>
    <message>
        <source>Write a new insight by hand</source>
        <translation>Scrivi a mano un nuovo insight</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Edit the selected insight (double-click works too)</source>
        <translation>Modifica l'insight selezionato (funziona anche il doppio clic)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Delete the selected insights</source>
        <translation>Elimina gli insight selezionati</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approva</translation>
    </message>
    <message>
        <source>Approve the selected insights so answers can use them</source>
        <translation>Approva gli insight selezionati perché le risposte possano usarli</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Scarta</translation>
    </message>
    <message>
        <source>Reject the selected insights</source>
        <translation>Scarta gli insight selezionati</translation>
    </message>
    <message>
        <source>Import JSONL…</source>
        <translation>Importa JSONL…</translation>
    </message>
    <message>
        <source>Add insights from a JSONL file; bad lines are reported</source>
        <translation>Aggiungi insight da un file JSONL; le righe errate vengono segnalate</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>Esporta JSONL…</translation>
    </message>
    <message>
        <source>Save the insights matching the filters to a JSONL file</source>
        <translation>Salva in un file JSONL gli insight che corrispondono ai filtri</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Genera…</translation>
    </message>
    <message>
        <source>Write new insights with the local model</source>
        <translation>Scrivi nuovi insight con il modello locale</translation>
    </message>
    <message>
        <source>{shown} shown of {total} insights</source>
        <translation>{shown} mostrati su {total} insight</translation>
    </message>
    <message>
        <source>narrow the filters to see the rest</source>
        <translation>restringi i filtri per vedere il resto</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Conoscenza</translation>
    </message>
    <message>
        <source>Delete insights</source>
        <translation>Elimina insight</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n insight(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Eliminare %n insight? L'operazione non si può annullare.</numerusform>
            <numerusform>Eliminare %n insight? L'operazione non si può annullare.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import insights</source>
        <translation>Importa insight</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export insights</source>
        <translation>Esporta insight</translation>
    </message>
    <message>
        <source>{file}: {added} added, {dups} already present, {bad} bad lines.</source>
        <translation>{file}: {added} aggiunti, {dups} già presenti, {bad} righe errate.</translation>
    </message>
    <message>
        <source>Error: {err}</source>
        <translation>Errore: {err}</translation>
    </message>
    <message>
        <source>{added} added, {dup} duplicates, {err} lines with errors</source>
        <translation>{added} aggiunti, {dup} duplicati, {err} righe con errori</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importa {file}</translation>
    </message>
    <message>
        <source>Filter by {what}</source>
        <translation>Filtra per {what}</translation>
    </message>
    <message>
        <source>Exported {n} insights to {path}</source>
        <translation>Esportati {n} insight in {path}</translation>
    </message>
    <message>
        <source>Cannot save: {reason}</source>
        <translation>Impossibile salvare: {reason}</translation>
    </message>
    <message>
        <source>line {n}: {reason}</source>
        <translation>riga {n}: {reason}</translation>
    </message>
    <message>
        <source>Insights per language and category</source>
        <translation>Insight per lingua e categoria</translation>
    </message>
    <message>
        <source>emotion</source>
        <translation>emozioni</translation>
    </message>
    <message>
        <source>business</source>
        <translation>affari</translation>
    </message>
    <message>
        <source>Bali culture</source>
        <translation>cultura balinese</translation>
    </message>
    <message>
        <source>communication</source>
        <translation>comunicazione</translation>
    </message>
    <message>
        <source>religion &amp; ceremony</source>
        <translation>religione e cerimonie</translation>
    </message>
    <message>
        <source>bureaucracy</source>
        <translation>burocrazia</translation>
    </message>
    <message>
        <source>daily life</source>
        <translation>vita quotidiana</translation>
    </message>
    <message>
        <source>No insights yet</source>
        <translation>Ancora nessun insight</translation>
    </message>
    <message>
        <source>“{name}” is not a model name: model names have no spaces or punctuation like “!”.</source>
        <translation>“{name}” non è un nome di modello: i nomi dei modelli non hanno spazi né segni come “!”.</translation>
    </message>
    <message>
        <source>The server has no model named “{name}”. It offers: {names}.</source>
        <translation>Il server non ha un modello chiamato “{name}”. Offre: {names}.</translation>
    </message>
    <message>
        <source>Saved, but “{name}” could not be checked with the server ({err}): make sure the name is right.</source>
        <translation>Salvato, ma non è stato possibile verificare “{name}” con il server ({err}): assicurati che il nome sia giusto.</translation>
    </message>
    <message>
        <source>offline answers</source>
        <translation>risposte offline</translation>
    </message>
    <message>
        <source>live notes</source>
        <translation>note dal vivo</translation>
    </message>
    <message>
        <source>insights</source>
        <translation>insight</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>stima in corso…</translation>
    </message>
    <message>
        <source>Model description</source>
        <translation>Descrizione del modello</translation>
    </message>
    <message>
        <source>Installed:</source>
        <translation>Installati:</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Scarica</translation>
    </message>
    <message>
        <source>Download the selected model (resumable, sha256-verified)</source>
        <translation>Scarica il modello selezionato (riprendibile, verificato con sha256)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Avanzamento del download</translation>
    </message>
    <message>
        <source>Offline answers:</source>
        <translation>Risposte offline:</translation>
    </message>
    <message>
        <source>Live notes and tone:</source>
        <translation>Note dal vivo e tono:</translation>
    </message>
    <message>
        <source>Insight generation:</source>
        <translation>Generazione di insight:</translation>
    </message>
    <message>
        <source>Checking the sha256…</source>
        <translation>Verifica dello sha256…</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Lingue</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>Adatto a</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licenza</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Same as the local model</source>
        <translation>Come il modello locale</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>Connessione all'hub…</translation>
    </message>
    <message>
        <source>'{name}' is installed; choose it for a role in Settings › Models.</source>
        <translation>'{name}' è installato; sceglilo per un ruolo in Impostazioni › Modelli.</translation>
    </message>
    <message>
        <source>Download {title}</source>
        <translation>Scarica {title}</translation>
    </message>
    <message>
        <source>{done:.0f} of {total:.0f} MB · {speed:.1f} MB/s · {eta} left</source>
        <translation>{done:.0f} di {total:.0f} MB · {speed:.1f} MB/s · ancora {eta}</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(predefinito)</translation>
    </message>
    <message>
        <source>'{name}' is installed; choose it for a role below.</source>
        <translation>'{name}' è installato; sceglilo per un ruolo qui sotto.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Keep anyway</source>
        <translation>Tieni comunque</translation>
    </message>
    <message>
        <source>Save this server address although it did not answer now</source>
        <translation>Salva questo indirizzo anche se ora il server non ha risposto</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aspetto</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Tentativi:</translation>
    </message>
    <message>
        <source>Paste an Anthropic key (sk-ant-…)</source>
        <translation>Incolla una chiave Anthropic (sk-ant-…)</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nuova chiave API</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Salva chiave</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Rimuovi chiave</translation>
    </message>
    <message>
        <source>Delete the stored key</source>
        <translation>Elimina la chiave salvata</translation>
    </message>
    <message>
        <source>Store in an encrypted file</source>
        <translation>Salva in un file cifrato</translation>
    </message>
    <message>
        <source>Keep the key in an encrypted file in Zantara's data folder (for systems without a keyring)</source>
        <translation>Conserva la chiave in un file cifrato nella cartella dei dati di Zantara (per sistemi senza portachiavi)</translation>
    </message>
    <message>
        <source>Claude chat model</source>
        <translation>Modello Claude per la chat</translation>
    </message>
    <message>
        <source>Used for conversation (a fast Haiku by default)</source>
        <translation>Usato per la conversazione (di default un Haiku veloce)</translation>
    </message>
    <message>
        <source>Claude strong model</source>
        <translation>Modello Claude potente</translation>
    </message>
    <message>
        <source>Used by strategies that want the stronger model</source>
        <translation>Usato dalle strategie che vogliono il modello più potente</translation>
    </message>
    <message>
        <source>Load models from Anthropic</source>
        <translation>Carica i modelli da Anthropic</translation>
    </message>
    <message>
        <source>Ask the models endpoint which Claude models your key can use</source>
        <translation>Chiedi all'endpoint dei modelli quali modelli Claude può usare la tua chiave</translation>
    </message>
    <message>
        <source>Give up connecting after this long and answer offline</source>
        <translation>Rinuncia a connetterti dopo questo tempo e rispondi offline</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Timeout di connessione</translation>
    </message>
    <message>
        <source>If Claude has not started answering by then, Zantara answers from this laptop</source>
        <translation>Se Claude non ha iniziato a rispondere entro allora, Zantara risponde da questo portatile</translation>
    </message>
    <message>
        <source>First-token deadline</source>
        <translation>Scadenza del primo token</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Claude (Anthropic)</source>
        <translation>Claude (Anthropic)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server (llama-server, Ollama…)</source>
        <translation>Server compatibile con OpenAI (llama-server, Ollama…)</translation>
    </message>
    <message>
        <source>empty: the server's default model</source>
        <translation>vuoto: il modello predefinito del server</translation>
    </message>
    <message>
        <source>Add GGUF…</source>
        <translation>Aggiungi GGUF…</translation>
    </message>
    <message>
        <source>Register a GGUF model file from disk (it is not copied)</source>
        <translation>Registra un file di modello GGUF dal disco (non viene copiato)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatico</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>Dimensione del contesto</translation>
    </message>
    <message>
        <source>Local (in the data folder)</source>
        <translation>Locale (nella cartella dei dati)</translation>
    </message>
    <message>
        <source>Local, synced with a team server</source>
        <translation>Locale, sincronizzato con un server del team</translation>
    </message>
    <message>
        <source>Team server URL</source>
        <translation>URL del server del team</translation>
    </message>
    <message>
        <source>Team token (kept in the keyring; empty: keep the stored one)</source>
        <translation>Token del team (custodito nel portachiavi; vuoto: resta quello salvato)</translation>
    </message>
    <message>
        <source>Team token</source>
        <translation>Token del team</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Prova la connessione</translation>
    </message>
    <message>
        <source>Insights per answer</source>
        <translation>Insight per risposta</translation>
    </message>
    <message>
        <source>Live note deadline</source>
        <translation>Scadenza della nota dal vivo</translation>
    </message>
    <message>
        <source>How long Claude waits for the local model's live cultural note</source>
        <translation>Quanto Claude attende la nota culturale dal vivo del modello locale</translation>
    </message>
    <message>
        <source>Always wait for the live note, up to the deadline</source>
        <translation>Attendi sempre la nota dal vivo, fino alla scadenza</translation>
    </message>
    <message>
        <source>Off: Claude never waits for the note longer than retrieval takes, so it adds no delay</source>
        <translation>Disattivato: Claude non attende la nota più a lungo della ricerca, quindi non aggiunge ritardo</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Lingua dell'interfaccia</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n modello disponibile</numerusform>
            <numerusform>%n modelli disponibili</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the model name with the server…</source>
        <translation>Verifica del nome del modello con il server…</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Chiave API:</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>Nuova chiave:</translation>
    </message>
    <message>
        <source>Chat model:</source>
        <translation>Modello per la chat:</translation>
    </message>
    <message>
        <source>Strong model:</source>
        <translation>Modello potente:</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>Timeout di connessione:</translation>
    </message>
    <message>
        <source>First-token deadline:</source>
        <translation>Scadenza del primo token:</translation>
    </message>
    <message>
        <source>Online model:</source>
        <translation>Modello online:</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Indirizzo del server:</translation>
    </message>
    <message>
        <source>Server model:</source>
        <translation>Modello del server:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Thread:</translation>
    </message>
    <message>
        <source>Context size:</source>
        <translation>Dimensione del contesto:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Archivio:</translation>
    </message>
    <message>
        <source>Insights per answer:</source>
        <translation>Insight per risposta:</translation>
    </message>
    <message>
        <source>Live note deadline:</source>
        <translation>Scadenza della nota dal vivo:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Segui il sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Chiaro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Scuro</translation>
    </message>
    <message>
        <source>No system keyring on this computer: use “Store in an encrypted file”.</source>
        <translation>Nessun portachiavi di sistema su questo computer: usa “Salva in un file cifrato”.</translation>
    </message>
    <message>
        <source>Store the key in the OS keyring; it is never written to a file</source>
        <translation>Salva la chiave nel portachiavi del sistema; non viene mai scritta in un file</translation>
    </message>
    <message>
        <source>Add a GGUF model</source>
        <translation>Aggiungi un modello GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelli GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>context</source>
        <translation>contesto</translation>
    </message>
    <message>
        <source>Could not load the list: {err}</source>
        <translation>Impossibile caricare l'elenco: {err}</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>non disponibile</translation>
    </message>
    <message>
        <source>Checking {url}…</source>
        <translation>Verifica di {url}…</translation>
    </message>
    <message>
        <source>Connected: the team server accepted the token.</source>
        <translation>Connesso: il server del team ha accettato il token.</translation>
    </message>
    <message>
        <source>License: {lic}</source>
        <translation>Licenza: {lic}</translation>
    </message>
    <message>
        <source>Could not save the settings: {err}</source>
        <translation>Impossibile salvare le impostazioni: {err}</translation>
    </message>
    <message>
        <source>Usage and cost</source>
        <translation>Consumo e costi</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Chiamate</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Token in ingresso</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Token in uscita</translation>
    </message>
    <message>
        <source>Insight tokens</source>
        <translation>Token degli insight</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Costo (USD)</translation>
    </message>
    <message>
        <source>Insight share</source>
        <translation>Quota degli insight</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimi 7 giorni</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Ultimi 30 giorni</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tutto</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per giorno</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Per modello</translation>
    </message>
    <message>
        <source>Per strategy</source>
        <translation>Per strategia</translation>
    </message>
    <message>
        <source>{answers}, {calls}: {inp} input and {out} output tokens, ${cost}. The cultural insights added {ins} input tokens: {share} of the cost.</source>
        <translation>{answers}, {calls}: {inp} token in ingresso e {out} in uscita, ${cost}. Gli insight culturali hanno aggiunto {ins} token in ingresso: {share} del costo.</translation>
    </message>
    <message numerus="yes">
        <source>%n Claude answer(s)</source>
        <translation>
            <numerusform>%n risposta di Claude</numerusform>
            <numerusform>%n risposte di Claude</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n chiamata</numerusform>
            <numerusform>%n chiamate</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices (USD per million tokens) from: {files}. Insight tokens are attributed by their share of the characters sent.</source>
        <translation>Prezzi (USD per milione di token) da: {files}. I token degli insight sono attribuiti in base alla loro quota dei caratteri inviati.</translation>
    </message>
    <message>
        <source>built-in defaults</source>
        <translation>valori predefiniti</translation>
    </message>
    <message>
        <source>Usage unavailable: {err}</source>
        <translation>Consumo non disponibile: {err}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Applica</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Sì</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Ripristina predefiniti</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aiuto</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignora</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Interrompi</translation>
    </message>
    <message>
        <source>No Claude API key yet: answers are offline.</source>
        <translation>Nessuna chiave API di Claude: risposte offline.</translation>
    </message>
    <message>
        <source>No Claude API key yet, so Zantara answers offline from this laptop: earlier answers and cultural notes, and a local model's own answers once one that can write them is installed (Settings → Models). Add your Anthropic key in Settings (Ctrl+,) and Claude will answer.</source>
        <translation>Non c'è ancora una chiave API di Claude, quindi Zantara risponde offline da questo portatile: risposte precedenti e note culturali, e le risposte di un modello locale appena ne installi uno capace di scriverle (Impostazioni → Modelli). Aggiungi la tua chiave Anthropic nelle Impostazioni (Ctrl+,) e risponderà Claude.</translation>
    </message>
    <message>
        <source>Add API key…</source>
        <translation>Aggiungi chiave API…</translation>
    </message>
    <message>
        <source>Add API key</source>
        <translation>Aggiungi chiave API</translation>
    </message>
    <message>
        <source>Open Settings to add your Anthropic key (Ctrl+,)</source>
        <translation>Apri le Impostazioni per aggiungere la tua chiave Anthropic (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Nascondi questo messaggio</translation>
    </message>
    <message>
        <source>Rename conversation…</source>
        <translation>Rinomina conversazione…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Esporta in Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Esporta in JSON…</translation>
    </message>
    <message>
        <source>Delete conversation…</source>
        <translation>Elimina conversazione…</translation>
    </message>
    <message>
        <source>Open or select a conversation first.</source>
        <translation>Prima apri o seleziona una conversazione.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuova chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Inizia una nuova conversazione (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Cerca nelle conversazioni</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversazioni</translation>
    </message>
    <message>
        <source>F2 renames, Delete deletes, Ctrl+E exports; right-click for all actions</source>
        <translation>F2 rinomina, Canc elimina, Ctrl+E esporta; clic destro per tutte le azioni</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n messaggio</numerusform>
            <numerusform>%n messaggi</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Rinomina conversazione</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titolo:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rinomina</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Elimina conversazione</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>conversazione</translation>
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
        <translation>Esporta conversazione</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Senza titolo</translation>
    </message>
    <message>
        <source>Delete “{title}” and all its messages? This cannot be undone.</source>
        <translation>Eliminare “{title}” e tutti i suoi messaggi? L'operazione non si può annullare.</translation>
    </message>
    <message>
        <source>About Zantara</source>
        <translation>Informazioni su Zantara</translation>
    </message>
    <message>
        <source>Claude's brain, LLaMA's soul: a local-first assistant for visas, business and life in Bali.</source>
        <translation>Il cervello di Claude, l'anima di LLaMA: un assistente locale per visti, affari e vita a Bali.</translation>
    </message>
    <message>
        <source>Jobs: all finished</source>
        <translation>Attività: tutte completate</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>Attività in corso</translation>
    </message>
    <message>
        <source>Cancel jobs and quit</source>
        <translation>Annulla le attività ed esci</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Lascia in corso</translation>
    </message>
    <message>
        <source>1 job running</source>
        <translation>1 attività in corso</translation>
    </message>
    <message>
        <source>Show long jobs: insight generation, model downloads, imports</source>
        <translation>Mostra le attività lunghe: generazione di insight, download di modelli, importazioni</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>No jobs. Insight generation, model downloads and imports appear here.</source>
        <translation>Nessuna attività. Qui compaiono generazioni di insight, download di modelli e importazioni.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Rimuovi le completate</translation>
    </message>
    <message>
        <source>A job is still running.</source>
        <translation>Un'attività è ancora in corso.</translation>
    </message>
    <message>
        <source>Quitting cancels them. A cancelled generation continues where it stopped when you start it again.</source>
        <translation>Uscendo vengono annullate. Una generazione annullata riprende da dove si è fermata quando la riavvii.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullamento…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Completata</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscita</translation>
    </message>
    <message>
        <source>Jobs: {n} failed</source>
        <translation>Attività: {n} non riuscite</translation>
    </message>
    <message>
        <source>{n} jobs running</source>
        <translation>{n} attività in corso</translation>
    </message>
    <message>
        <source>Progress of {title}</source>
        <translation>Avanzamento di {title}</translation>
    </message>
    <message>
        <source>Cancel {title}</source>
        <translation>Annulla {title}</translation>
    </message>
    <message>
        <source>{n} jobs are still running.</source>
        <translation>{n} attività sono ancora in corso.</translation>
    </message>
    <message>
        <source>Zantara Desktop</source>
        <translation>Zantara Desktop</translation>
    </message>
    <message>
        <source>Focus message input</source>
        <translation>Vai al campo del messaggio</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>Documenti…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>S&amp;trumenti</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Salvato {path}</translation>
    </message>
    <message>
        <source>Suggested for this laptop ({cores} cores, {ram} GB RAM): {title}. It writes Indonesian, Italian and English at about {speed} tokens/s here; larger models would be too slow on {cores} cores.</source>
        <translation>Consigliato per questo portatile ({cores} core, {ram} GB di RAM): {title}. Scrive indonesiano, italiano e inglese a circa {speed} token/s qui; modelli più grandi sarebbero troppo lenti su {cores} core.</translation>
    </message>
    <message>
        <source>Offline answers in Indonesian, Italian and English need a bigger local model. This laptop can run {title} ({size} GB download, licence: {licence}).</source>
        <translation>Per risposte offline in indonesiano, italiano e inglese serve un modello locale più grande. Questo portatile può usare {title} (download di {size} GB, licenza: {licence}).</translation>
    </message>
    <message>
        <source>Offline answers in your languages: {title}, {size} GB, licence: {licence}.</source>
        <translation>Risposte offline nelle vostre lingue: {title}, {size} GB, licenza: {licence}.</translation>
    </message>
    <message>
        <source>Download the suggested model</source>
        <translation>Scarica il modello consigliato</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Download annullato.</translation>
    </message>
    <message>
        <source>{title} is installed: it writes the offline answers now.</source>
        <translation>{title} è installato: ora scrive le risposte offline.</translation>
    </message>
    <message>
        <source>Download ({size} GB)</source>
        <translation>Scarica ({size} GB)</translation>
    </message>
    <message>
        <source>Downloading… {percent}</source>
        <translation>Download in corso… {percent}</translation>
    </message>
    <message>
        <source>no API key</source>
        <translation>nessuna chiave API</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>chiave API rifiutata</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>nessuna connessione</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>connessione scaduta</translation>
    </message>
    <message>
        <source>Claude too slow to answer</source>
        <translation>Claude troppo lento a rispondere</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>limite di richieste raggiunto</translation>
    </message>
    <message>
        <source>Claude overloaded</source>
        <translation>Claude sovraccarico</translation>
    </message>
    <message>
        <source>Claude server error</source>
        <translation>errore del server di Claude</translation>
    </message>
    <message>
        <source>answer cut off</source>
        <translation>risposta interrotta</translation>
    </message>
    <message>
        <source>bad response</source>
        <translation>risposta non valida</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>in attesa di riconnessione</translation>
    </message>
    <message>
        <source>offline mode chosen</source>
        <translation>modalità offline scelta</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>interrotta da te</translation>
    </message>
    <message>
        <source>local model unavailable</source>
        <translation>modello locale non disponibile</translation>
    </message>
    <message>
        <source>the local answer was not readable</source>
        <translation>la risposta locale non era leggibile</translation>
    </message>
    <message>
        <source>Checking Claude and the local model.</source>
        <translation>Verifica di Claude e del modello locale.</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Stato della connessione</translation>
    </message>
    <message>
        <source>Offline only is on: Claude is not contacted; Zantara answers from this laptop.</source>
        <translation>«Solo offline» è attivo: Claude non viene contattato; Zantara risponde da questo portatile.</translation>
    </message>
    <message>
        <source>Claude is answering.</source>
        <translation>Risponde Claude.</translation>
    </message>
    <message>
        <source>Zantara answers from this laptop until Claude is reachable again.</source>
        <translation>Zantara risponde da questo portatile finché Claude non è di nuovo raggiungibile.</translation>
    </message>
    <message>
        <source>Checking whether Claude answers again; Zantara answers from this laptop meanwhile.</source>
        <translation>Verifico se Claude risponde di nuovo; nel frattempo Zantara risponde da questo portatile.</translation>
    </message>
    <message>
        <source>Asking Claude whether it answers.</source>
        <translation>Chiedo a Claude se risponde.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
    <message>
        <source>Offline only</source>
        <translation>Solo offline</translation>
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
        <translation>Riconnessione a Claude…</translation>
    </message>
    <message>
        <source>Checking Claude…</source>
        <translation>Verifica di Claude…</translation>
    </message>
    <message>
        <source>Combo (recommended)</source>
        <translation>Combo (consigliata)</translation>
    </message>
    <message>
        <source>Insights only</source>
        <translation>Solo insight</translation>
    </message>
    <message>
        <source>Live note</source>
        <translation>Nota dal vivo</translation>
    </message>
    <message>
        <source>Warm wrap</source>
        <translation>Cornice calorosa</translation>
    </message>
    <message>
        <source>Warm rewrite</source>
        <translation>Riscrittura calorosa</translation>
    </message>
    <message>
        <source>Team / client</source>
        <translation>Team / cliente</translation>
    </message>
    <message numerus="yes">
        <source>Team: %n change(s) waiting</source>
        <translation>
            <numerusform>Team: %n modifica in attesa</numerusform>
            <numerusform>Team: %n modifiche in attesa</numerusform>
        </translation>
    </message>
    <message>
        <source>Team: not synced yet</source>
        <translation>Team: non ancora sincronizzato</translation>
    </message>
    <message>
        <source>Team: synced just now</source>
        <translation>Team: sincronizzato ora</translation>
    </message>
    <message>
        <source>Team: synced {n} min ago</source>
        <translation>Team: sincronizzato {n} min fa</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizza ora</translation>
    </message>
    <message>
        <source>Exchange changes with the team server now</source>
        <translation>Scambia ora le modifiche con il server del team</translation>
    </message>
    <message>
        <source>Team: syncing…</source>
        <translation>Team: sincronizzazione…</translation>
    </message>
    <message>
        <source>Team server unreachable — working from this laptop's copy</source>
        <translation>Server del team irraggiungibile — si lavora con la copia di questo portatile</translation>
    </message>
    <message>
        <source>Team server refused the token — check it in Settings</source>
        <translation>Il server del team ha rifiutato il token — controllalo nelle Impostazioni</translation>
    </message>
    <message>
        <source>How Claude and the local model work together on each answer</source>
        <translation>Come Claude e il modello locale collaborano a ogni risposta</translation>
    </message>
    <message>
        <source>Who is chatting: a team member (warm colleague) or a client (professional tone)</source>
        <translation>Chi scrive: un membro del team (collega cordiale) o un cliente (tono professionale)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profilo</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Impostazioni…</translation>
    </message>
    <message>
        <source>Check data…</source>
        <translation>Controlla i dati…</translation>
    </message>
    <message>
        <source>API key, models, language and theme (Ctrl+,)</source>
        <translation>Chiave API, modelli, lingua e tema (Ctrl+,)</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Membro del team</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Answer with the local model only, without contacting Claude</source>
        <translation>Rispondi solo con il modello locale, senza contattare Claude</translation>
    </message>
    <message>
        <source>Browse, edit and approve cultural insights</source>
        <translation>Sfoglia, modifica e approva gli insight culturali</translation>
    </message>
    <message>
        <source>Write new cultural insights with the local model</source>
        <translation>Scrivi nuovi insight culturali con il modello locale</translation>
    </message>
    <message>
        <source>Check the conversations and the knowledge store, and repair them</source>
        <translation>Controlla le conversazioni e l'archivio delle conoscenze, e riparali</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategia:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profilo:</translation>
    </message>
    <message>
        <source>Combo: insights + live note (recommended)</source>
        <translation>Combo: insight + nota dal vivo (consigliata)</translation>
    </message>
    <message>
        <source>Insights only (RAG)</source>
        <translation>Solo insight (RAG)</translation>
    </message>
    <message>
        <source>Warm opening and closing</source>
        <translation>Apertura e chiusura calorose</translation>
    </message>
    <message>
        <source>Warm rewrite with fact guard</source>
        <translation>Riscrittura calorosa con controllo dei fatti</translation>
    </message>
    <message>
        <source>Team: local colleague / client: Claude</source>
        <translation>Team: collega locale / cliente: Claude</translation>
    </message>
    <message>
        <source>empty message</source>
        <translation>messaggio vuoto</translation>
    </message>
    <message>
        <source>no words in the message (not text)</source>
        <translation>nessuna parola nel messaggio (non è testo)</translation>
    </message>
    <message>
        <source>feeling word '{word}'</source>
        <translation>parola di sentimento '{word}'</translation>
    </message>
    <message>
        <source>cultural term '{word}'</source>
        <translation>termine culturale '{word}'</translation>
    </message>
    <message>
        <source>quoted cultural word '{word}'</source>
        <translation>parola culturale citata '{word}'</translation>
    </message>
    <message>
        <source>code or spreadsheet question</source>
        <translation>domanda su codice o foglio di calcolo</translation>
    </message>
    <message>
        <source>unit or currency conversion</source>
        <translation>conversione di unità o valute</translation>
    </message>
    <message>
        <source>arithmetic</source>
        <translation>aritmetica</translation>
    </message>
    <message>
        <source>etiquette or relationship question ('{word}')</source>
        <translation>domanda di galateo o di rapporti ('{word}')</translation>
    </message>
    <message>
        <source>acknowledgement or small talk</source>
        <translation>conferma o chiacchiera</translation>
    </message>
    <message>
        <source>no feeling, cultural term or etiquette question found</source>
        <translation>nessun sentimento, termine culturale o domanda di galateo trovati</translation>
    </message>
    <message>
        <source>semantic: {verdict}, p={p} (threshold {threshold}){nearest}</source>
        <translation>semantico: {verdict}, p={p} (soglia {threshold}){nearest}</translation>
    </message>
    <message>
        <source>; nearest: '{text}' ({verdict}, {similarity})</source>
        <translation>; più vicino: '{text}' ({verdict}, {similarity})</translation>
    </message>
    <message>
        <source>cultural</source>
        <translation>culturale</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutra</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>interrotta dall'utente</translation>
    </message>
    <message>
        <source>kept {n} characters Claude streamed before the failure</source>
        <translation>tenuti {n} caratteri inviati da Claude prima dell'errore</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>non riuscita: {error}</translation>
    </message>
    <message>
        <source>retrieval unavailable: {error}</source>
        <translation>recupero non disponibile: {error}</translation>
    </message>
    <message>
        <source>answer memory: not indexed ({error})</source>
        <translation>memoria delle risposte: non indicizzata ({error})</translation>
    </message>
    <message>
        <source>cultural note started before retrieval (overlapped)</source>
        <translation>nota culturale avviata prima del recupero (in parallelo)</translation>
    </message>
    <message>
        <source>cultural note started while the user typed</source>
        <translation>nota culturale avviata mentre l'utente scriveva</translation>
    </message>
    <message>
        <source>the offline answer started beside Claude (hedge) is the answer</source>
        <translation>la risposta offline avviata accanto a Claude (riserva) è la risposta</translation>
    </message>
    <message>
        <source>offline: live cultural note skipped (no online answer to enrich)</source>
        <translation>offline: nota culturale dal vivo saltata (nessuna risposta online da arricchire)</translation>
    </message>
    <message>
        <source>offline: the local model answers warmly itself; opening/closing skipped</source>
        <translation>offline: il modello locale risponde già con calore; apertura e chiusura saltate</translation>
    </message>
    <message>
        <source>team profile: {why}; Claude answers as the colleague</source>
        <translation>profilo team: {why}; risponde Claude come collega</translation>
    </message>
    <message>
        <source>team profile: the local model answers as a colleague (by design)</source>
        <translation>profilo team: risponde il modello locale come un collega (per scelta)</translation>
    </message>
    <message>
        <source>client profile, offline: the local model answers</source>
        <translation>profilo cliente, offline: risponde il modello locale</translation>
    </message>
    <message>
        <source>offline: rewrite skipped (the local model wrote the answer itself)</source>
        <translation>offline: riscrittura saltata (la risposta l'ha scritta il modello locale)</translation>
    </message>
    <message>
        <source>rewrite skipped: answer of {n} characters</source>
        <translation>riscrittura saltata: risposta di {n} caratteri</translation>
    </message>
    <message>
        <source>rewrite stopped: Claude's original kept</source>
        <translation>riscrittura interrotta: tenuto l'originale di Claude</translation>
    </message>
    <message>
        <source>rewrite failed ({error}): Claude's original kept</source>
        <translation>riscrittura non riuscita ({error}): tenuto l'originale di Claude</translation>
    </message>
    <message>
        <source>rewrite rejected by the fact guard: Claude's original kept</source>
        <translation>riscrittura respinta dal controllo dei fatti: tenuto l'originale di Claude</translation>
    </message>
    <message>
        <source>answer memory unavailable: {error}</source>
        <translation>memoria delle risposte non disponibile: {error}</translation>
    </message>
    <message>
        <source>{why}: showing {n} earlier answer(s) and the cultural insights instead</source>
        <translation>{why}: mostrate invece le risposte precedenti ({n}) e gli insight culturali</translation>
    </message>
    <message>
        <source>{why}: showing the cultural insights and, labelled as such, an earlier answer to another, possibly related question</source>
        <translation>{why}: mostrati gli insight culturali e, indicata come tale, una risposta precedente a un'altra domanda, forse correlata</translation>
    </message>
    <message>
        <source>{why}: showing the cultural insights instead</source>
        <translation>{why}: mostrati invece gli insight culturali</translation>
    </message>
    <message>
        <source>insights in {language} not looked up: {error}</source>
        <translation>insight in {language} non cercati: {error}</translation>
    </message>
    <message>
        <source>insights shown in retrieval's order: the one answering the question not picked ({error})</source>
        <translation>insight mostrati nell'ordine della ricerca: quello che risponde alla domanda non è stato scelto ({error})</translation>
    </message>
    <message>
        <source>the local model could not be used ({error})</source>
        <translation>il modello locale non si è potuto usare ({error})</translation>
    </message>
    <message>
        <source>wrap: opening {opening}, closing {closing}</source>
        <translation>cornice: apertura {opening}, chiusura {closing}</translation>
    </message>
    <message>
        <source>Claude: {error}</source>
        <translation>Claude: {error}</translation>
    </message>
    <message>
        <source>no answer from Claude</source>
        <translation>nessuna risposta da Claude</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vuota</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>lunghezza sbagliata</translation>
    </message>
    <message>
        <source>repeats itself</source>
        <translation>si ripete</translation>
    </message>
    <message>
        <source>repeats the question</source>
        <translation>ripete la domanda</translation>
    </message>
    <message>
        <source>invents facts</source>
        <translation>inventa fatti</translation>
    </message>
    <message>
        <source>too many unknown words</source>
        <translation>troppe parole sconosciute</translation>
    </message>
    <message>
        <source>model too small</source>
        <translation>modello troppo piccolo</translation>
    </message>
    <message>
        <source>{n} earlier answer(s)</source>
        <translation>risposte precedenti: {n}</translation>
    </message>
    <message>
        <source>shown: an earlier answer to another, possibly related question, not to this one</source>
        <translation>mostrata: una risposta precedente a un'altra domanda, forse correlata, non a questa</translation>
    </message>
    <message>
        <source>no earlier answer to this question; one to another, possibly related question: '{question}'</source>
        <translation>nessuna risposta precedente a questa domanda; una a un'altra domanda, forse correlata: '{question}'</translation>
    </message>
    <message>
        <source>the local model wrote no words</source>
        <translation>il modello locale non ha scritto parole</translation>
    </message>
    <message>
        <source>the local model is too small for {language}: {share} known words</source>
        <translation>il modello locale è troppo piccolo per l'{language}: {share} di parole note</translation>
    </message>
    <message>
        <source>the local model is too small for {language}: {share} known long words</source>
        <translation>il modello locale è troppo piccolo per l'{language}: {share} di parole lunghe note</translation>
    </message>
    <message>
        <source>the local model answered in {found}, not {language}</source>
        <translation>il modello locale ha risposto in {found}, non in {language}</translation>
    </message>
    <message>
        <source>the local model repeats itself: {share} repeated word trigrams</source>
        <translation>il modello locale si ripete: {share} di trigrammi di parole ripetuti</translation>
    </message>
    <message>
        <source>the local model copied the previous answer: {share} of its word 4-grams</source>
        <translation>il modello locale ha copiato la risposta precedente: {share} dei suoi 4-grammi di parole</translation>
    </message>
    <message>
        <source>the local model {model} is too small for cultural notes (they misread the message); none sent</source>
        <translation>il modello locale {model} è troppo piccolo per le note culturali (fraintendono il messaggio); nessuna inviata</translation>
    </message>
    <message>
        <source>the local model {model} is too small to write answers (it makes facts up); it writes notes only</source>
        <translation>il modello locale {model} è troppo piccolo per scrivere risposte (inventa i fatti); scrive solo note</translation>
    </message>
    <message>
        <source>the local model {model} is too small for {language} (its manifest lists {languages})</source>
        <translation>il modello locale {model} è troppo piccolo per l'{language} (il suo manifesto elenca {languages})</translation>
    </message>
    <message>
        <source>the local model {model} is too small for {language}: {unreadable} of its last {n} answers were unreadable</source>
        <translation>il modello locale {model} è troppo piccolo per l'{language}: {unreadable} delle sue ultime {n} risposte erano illeggibili</translation>
    </message>
    <message>
        <source>local context ({n} tokens): {parts}</source>
        <translation>contesto locale ({n} token): {parts}</translation>
    </message>
    <message>
        <source>left out the {n} oldest history message(s)</source>
        <translation>esclusi i {n} messaggi più vecchi della cronologia</translation>
    </message>
    <message>
        <source>left out {n} insight(s)</source>
        <translation>esclusi {n} insight</translation>
    </message>
    <message>
        <source>cut the message to its first {kept} of {original} characters</source>
        <translation>messaggio tagliato ai primi {kept} di {original} caratteri</translation>
    </message>
    <message>
        <source>cut the system prompt to {kept} of {original} characters</source>
        <translation>istruzioni di sistema tagliate a {kept} di {original} caratteri</translation>
    </message>
    <message>
        <source>shortened the answer budget to {n} tokens</source>
        <translation>spazio per la risposta ridotto a {n} token</translation>
    </message>
    <message>
        <source>strategy learned from ratings: {reason}</source>
        <translation>strategia appresa dai voti: {reason}</translation>
    </message>
    <message>
        <source>too little evidence: {have} of the {needed} needed</source>
        <translation>dati insufficienti: {have} dei {needed} necessari</translation>
    </message>
    <message>
        <source>the configured strategy leads (P(best) {p})</source>
        <translation>in testa la strategia impostata (P(migliore) {p})</translation>
    </message>
    <message>
        <source>{strategy} leads but has only {n} of {needed} ratings</source>
        <translation>{strategy} è in testa ma ha solo {n} voti su {needed}</translation>
    </message>
    <message>
        <source>no clear winner ({strategy}: P(best) {p} &lt; {threshold})</source>
        <translation>nessun vincitore netto ({strategy}: P(migliore) {p} &lt; {threshold})</translation>
    </message>
    <message>
        <source>{strategy} wins with P(best) {p} over {n} ratings and comparisons</source>
        <translation>vince {strategy} con P(migliore) {p} su {n} voti e confronti</translation>
    </message>
    <message>
        <source>No team server is set.</source>
        <translation>Nessun server del team impostato.</translation>
    </message>
    <message>
        <source>Set its address: `zantara settings set team_url https://HOST:PORT` (or ZANTARA_TEAM_URL).</source>
        <translation>Imposta il suo indirizzo: `zantara settings set team_url https://HOST:PORT` (o ZANTARA_TEAM_URL).</translation>
    </message>
    <message>
        <source>'{url}' is not a team server address.</source>
        <translation>'{url}' non è l'indirizzo di un server del team.</translation>
    </message>
    <message>
        <source>Use https://HOST:PORT.</source>
        <translation>Usa https://HOST:PORT.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: the team server holds what clients asked.</source>
        <translation>Rifiuto http in chiaro verso {host}: il server del team conserva ciò che chiedono i clienti.</translation>
    </message>
    <message>
        <source>Use the team server's https address (make team-server serves one), or, if you really must, `zantara settings set team_allow_http on`.</source>
        <translation>Usa l'indirizzo https del server del team (make team-server ne offre uno) oppure, se proprio devi, `zantara settings set team_allow_http on`.</translation>
    </message>
    <message>
        <source>The team server at {url} needs a token and none is set.</source>
        <translation>Il server del team a {url} richiede un token e non ne è impostato nessuno.</translation>
    </message>
    <message>
        <source>The team server at {url} refused the token.</source>
        <translation>Il server del team a {url} ha rifiutato il token.</translation>
    </message>
    <message>
        <source>Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.</source>
        <translation>Imposta quello giusto in Impostazioni → Conoscenza, con `zantara sync token` o ZANTARA_TEAM_TOKEN.</translation>
    </message>
    <message>
        <source>The team server's certificate at {url} is not trusted ({reason}).</source>
        <translation>Il certificato del server del team a {url} non è attendibile ({reason}).</translation>
    </message>
    <message>
        <source>Point the team_ca setting at the server's certificate (make team-server prints it), or set team_verify_tls off for a first try.</source>
        <translation>Indica nell'impostazione team_ca il certificato del server (make team-server lo stampa) oppure, per una prima prova, imposta team_verify_tls su off.</translation>
    </message>
    <message>
        <source>The team server at {url} is unreachable ({reason}).</source>
        <translation>Il server del team a {url} è irraggiungibile ({reason}).</translation>
    </message>
    <message>
        <source>Working from this laptop's copy; the next sync sends what is waiting.</source>
        <translation>Si lavora con la copia di questo portatile; la prossima sincronizzazione invia ciò che è in attesa.</translation>
    </message>
    <message>
        <source>{url} answers, but not as a team server ({reason}).</source>
        <translation>{url} risponde, ma non come un server del team ({reason}).</translation>
    </message>
    <message>
        <source>Check the address and port: use the URL the team server recipe prints.</source>
        <translation>Controlla indirizzo e porta: usa l'URL che stampa la ricetta del server del team.</translation>
    </message>
    <message>
        <source>A sync is already running for this data folder.</source>
        <translation>Una sincronizzazione è già in corso per questa cartella dati.</translation>
    </message>
    <message>
        <source>Wait for it to finish.</source>
        <translation>Attendi che finisca.</translation>
    </message>
    <message>
        <source>Everything is fine: the conversations database and the knowledge store passed every check.</source>
        <translation>Tutto a posto: il database delle conversazioni e l'archivio della conoscenza hanno superato ogni controllo.</translation>
    </message>
    <message>
        <source>Repaired: {messages} messages in {conversations} conversations salvaged.</source>
        <translation>Riparato: recuperati {messages} messaggi in {conversations} conversazioni.</translation>
    </message>
    <message>
        <source>Repaired: knowledge store rebuilt with {total} insights ({own} of your own, from the {own_from}).</source>
        <translation>Riparato: archivio della conoscenza ricostruito con {total} insight ({own} tuoi, da {own_from}).</translation>
    </message>
    <message>
        <source>The damaged files are kept in {path}.</source>
        <translation>I file danneggiati sono conservati in {path}.</translation>
    </message>
    <message>
        <source>Run `zantara doctor --repair` to rebuild what is damaged.</source>
        <translation>Premi Ripara per ricostruire ciò che è danneggiato.</translation>
    </message>
    <message>
        <source>The {store} holds {now} where backup {backup} holds {then}: it vanished or was emptied.</source>
        <translation>{store} contiene {now} dove il backup {backup} contiene {then}: è sparito o è stato svuotato.</translation>
    </message>
    <message>
        <source>Run `zantara restore {backup}` to bring it back (what is there now is kept aside).</source>
        <translation>Esegui `zantara restore {backup}` per recuperarlo (ciò che c'è ora viene messo da parte).</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Non è stato cambiato nulla: {reason}</translation>
    </message>
    <message>
        <source>Your data is where it was: conversations in {database}, insights in {store}.</source>
        <translation>I tuoi dati sono dove erano: conversazioni in {database}, approfondimenti in {store}.</translation>
    </message>
    <message>
        <source>Answer memory rebuilt from the conversations: {answers} earlier answers.</source>
        <translation>Memoria delle risposte ricostruita dalle conversazioni: {answers} risposte precedenti.</translation>
    </message>
    <message>
        <source>The disk is full ({free} free where the data lives, {folder}).</source>
        <translation>Il disco è pieno ({free} liberi dove si trovano i dati, {folder}).</translation>
    </message>
    <message>
        <source>Free some space and try again; nothing is damaged, there is nothing to repair.</source>
        <translation>Libera spazio e riprova; nulla è danneggiato, non c'è niente da riparare.</translation>
    </message>
    <message>
        <source>Not enough free disk space to {action}: it needs about {need}, {free} are free.</source>
        <translation>Spazio su disco insufficiente per {action}: servono circa {need}, ne sono liberi {free}.</translation>
    </message>
    <message>
        <source>Free some space and run it again; nothing was changed.</source>
        <translation>Libera spazio e rieseguilo; non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>the team's documents could not be searched ({error})</source>
        <translation>non è stato possibile cercare nei documenti del team ({error})</translation>
    </message>
    <message>
        <source>{n} citation(s) matching no passage sent were removed</source>
        <translation>{n} citazione/i che non corrispondono a nessun passaggio inviato sono state rimosse</translation>
    </message>
    <message>
        <source>{n} citation(s) whose passage does not state the cited sentence were removed</source>
        <translation>{n} citazione/i il cui passaggio non afferma la frase citata sono state rimosse</translation>
    </message>
    <message>
        <source>{n} passages from the team's documents</source>
        <translation>{n} passaggi dai documenti del team</translation>
    </message>
    <message>
        <source>{name}: files of type {suffix} are not read.</source>
        <translation>{name}: i file di tipo {suffix} non vengono letti.</translation>
    </message>
    <message>
        <source>Add PDF, DOCX, Markdown, plain text or HTML files.</source>
        <translation>Aggiungi file PDF, DOCX, Markdown, testo semplice o HTML.</translation>
    </message>
    <message>
        <source>{name}: no such file or folder.</source>
        <translation>{name}: file o cartella inesistente.</translation>
    </message>
    <message>
        <source>Check the path.</source>
        <translation>Controlla il percorso.</translation>
    </message>
    <message>
        <source>{name} disappeared while it was being indexed.</source>
        <translation>{name} è scomparso mentre veniva indicizzato.</translation>
    </message>
    <message>
        <source>Nothing of it was added; add it again if it comes back.</source>
        <translation>Non ne è stato aggiunto nulla; aggiungilo di nuovo se ricompare.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({error}).</source>
        <translation>{name} non può essere letto ({error}).</translation>
    </message>
    <message>
        <source>Check that your account may read the file.</source>
        <translation>Controlla che il tuo account possa leggere il file.</translation>
    </message>
    <message>
        <source>{name} is too large to index ({mb} MB).</source>
        <translation>{name} è troppo grande per essere indicizzato ({mb} MB).</translation>
    </message>
    <message>
        <source>Split it into smaller files.</source>
        <translation>Dividilo in file più piccoli.</translation>
    </message>
    <message>
        <source>{name} has {pages} pages, more than the {limit} indexed per file.</source>
        <translation>{name} ha {pages} pagine, più delle {limit} indicizzate per file.</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({error}).</source>
        <translation>{name} è danneggiato e non può essere letto ({error}).</translation>
    </message>
    <message>
        <source>Open it in its own program and save it again.</source>
        <translation>Aprilo con il suo programma e salvalo di nuovo.</translation>
    </message>
    <message>
        <source>{name} is protected by a password.</source>
        <translation>{name} è protetto da password.</translation>
    </message>
    <message>
        <source>Save a copy without the password and add that.</source>
        <translation>Salvane una copia senza password e aggiungi quella.</translation>
    </message>
    <message>
        <source>{name} is a scan: its {pages} pages have no text layer.</source>
        <translation>{name} è una scansione: le sue {pages} pagine non hanno testo.</translation>
    </message>
    <message>
        <source>Run it through OCR (for example ocrmypdf) and add the result.</source>
        <translation>Passalo in un OCR (per esempio ocrmypdf) e aggiungi il risultato.</translation>
    </message>
    <message>
        <source>{name} is not a text file (binary content).</source>
        <translation>{name} non è un file di testo (contenuto binario).</translation>
    </message>
    <message>
        <source>Give it the right extension, or leave it out.</source>
        <translation>Dagli l'estensione giusta, o lascialo fuori.</translation>
    </message>
    <message>
        <source>{name} unpacks to {mb} MB ({ratio}x its size): refused as a possible zip bomb.</source>
        <translation>{name} si espande a {mb} MB ({ratio}x la sua dimensione): rifiutato come possibile zip bomb.</translation>
    </message>
    <message>
        <source>Open it in Word and save it again; a real document is far smaller.</source>
        <translation>Aprilo in Word e salvalo di nuovo; un documento vero è molto più piccolo.</translation>
    </message>
    <message>
        <source>{name} has no text.</source>
        <translation>{name} non contiene testo.</translation>
    </message>
    <message>
        <source>Nothing to index.</source>
        <translation>Niente da indicizzare.</translation>
    </message>
    <message>
        <source>{name} could not be indexed ({error}).</source>
        <translation>{name} non è stato indicizzato ({error}).</translation>
    </message>
    <message>
        <source>Nothing of it was added; try again with `zantara docs add`.</source>
        <translation>Non ne è stato aggiunto nulla; riprova con `zantara docs add`.</translation>
    </message>
    <message>
        <source>found in models folder</source>
        <translation>trovato nella cartella dei modelli</translation>
    </message>
    <message>
        <source>No team server is set. Set its address: `zantara settings set team_url https://HOST:PORT` (or ZANTARA_TEAM_URL).</source>
        <translation>Nessun server del team impostato. Imposta il suo indirizzo: `zantara settings set team_url https://HOST:PORT` (o ZANTARA_TEAM_URL).</translation>
    </message>
    <message>
        <source>'{url}' is not a team server address. Use https://HOST:PORT.</source>
        <translation>'{url}' non è l'indirizzo di un server del team. Usa https://HOST:PORT.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: the team server holds what clients asked. Use the team server's https address (make team-server serves one), or, if you really must, `zantara settings set team_allow_http on`.</source>
        <translation>Rifiuto http in chiaro verso {host}: il server del team conserva ciò che chiedono i clienti. Usa l'indirizzo https del server del team (make team-server ne offre uno) oppure, se proprio devi, `zantara settings set team_allow_http on`.</translation>
    </message>
    <message>
        <source>The team server at {url} needs a token and none is set. Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.</source>
        <translation>Il server del team a {url} richiede un token e non ne è impostato nessuno. Imposta quello giusto in Impostazioni → Conoscenza, con `zantara sync token` o ZANTARA_TEAM_TOKEN.</translation>
    </message>
    <message>
        <source>The team server at {url} refused the token. Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.</source>
        <translation>Il server del team a {url} ha rifiutato il token. Imposta quello giusto in Impostazioni → Conoscenza, con `zantara sync token` o ZANTARA_TEAM_TOKEN.</translation>
    </message>
    <message>
        <source>The team server's certificate at {url} is not trusted ({reason}). Point the team_ca setting at the server's certificate (make team-server prints it), or set team_verify_tls off for a first try.</source>
        <translation>Il certificato del server del team a {url} non è attendibile ({reason}). Indica nell'impostazione team_ca il certificato del server (make team-server lo stampa) oppure, per una prima prova, imposta team_verify_tls su off.</translation>
    </message>
    <message>
        <source>The team server at {url} is unreachable ({reason}). Working from this laptop's copy; the next sync sends what is waiting.</source>
        <translation>Il server del team a {url} è irraggiungibile ({reason}). Si lavora con la copia di questo portatile; la prossima sincronizzazione invia ciò che è in attesa.</translation>
    </message>
    <message>
        <source>{url} answers, but not as a team server ({reason}). Check the address and port: use the URL the team server recipe prints.</source>
        <translation>{url} risponde, ma non come un server del team ({reason}). Controlla indirizzo e porta: usa l'URL che stampa la ricetta del server del team.</translation>
    </message>
    <message>
        <source>A sync is already running for this data folder. Wait for it to finish.</source>
        <translation>Una sincronizzazione è già in corso per questa cartella dati. Attendi che finisca.</translation>
    </message>
    <message>
        <source>Bundled default. Fast (about 90 tokens/s on 2 threads) but weak: fluent English with made-up facts, and poor Indonesian and Italian. It writes the warm opening and closing (checked) and drafts insights for review. It does not write offline answers: earlier Claude answers and the insights answer instead until a larger model is installed. It writes no live cultural notes for Claude: tested on real messages, most of its notes misread them.</source>
        <translation>Predefinito incluso. Veloce (circa 90 token/s su 2 thread) ma debole: inglese scorrevole con fatti inventati, e indonesiano e italiano scadenti. Scrive l'apertura e la chiusura calorose (controllate) e bozze di insight da rivedere. Non scrive risposte offline: rispondono le risposte precedenti di Claude e gli insight finché non si installa un modello più grande. Non scrive note culturali dal vivo per Claude: provato su messaggi reali, la maggior parte delle sue note li fraintende.</translation>
    </message>
    <message>
        <source>Fast on any laptop; Italian is officially supported, Indonesian is passable.</source>
        <translation>Veloce su qualsiasi portatile; l'italiano è supportato ufficialmente, l'indonesiano è accettabile.</translation>
    </message>
    <message>
        <source>Small multilingual model; good enough for notes and short answers in all three languages.</source>
        <translation>Piccolo modello multilingue; adatto a note e risposte brevi in tutte e tre le lingue.</translation>
    </message>
    <message>
        <source>Warm, fluent style; no system prompt in its chat template (llama.cpp folds it into the first turn).</source>
        <translation>Stile caldo e scorrevole; il suo modello di chat non ha un prompt di sistema (llama.cpp lo inserisce nel primo turno).</translation>
    </message>
    <message>
        <source>Good all-rounder for 8 GB laptops.</source>
        <translation>Buono per tutto sui portatili da 8 GB.</translation>
    </message>
    <message>
        <source>Strong for its size in Indonesian; its licence forbids commercial use: check before using it for client work.</source>
        <translation>Forte in indonesiano per le sue dimensioni; la licenza vieta l'uso commerciale: verifica prima di usarlo per i clienti.</translation>
    </message>
    <message>
        <source>Best quality here for insight generation; slow on 2 cores, so not for live notes.</source>
        <translation>La qualità migliore qui per generare insight; lento su 2 core, quindi non per le note dal vivo.</translation>
    </message>
    <message>
        <source>Trained for Southeast Asian languages: the most natural Indonesian; weaker in Italian.</source>
        <translation>Addestrato per le lingue del Sud-est asiatico: l'indonesiano più naturale; più debole in italiano.</translation>
    </message>
</context>
</TS>
