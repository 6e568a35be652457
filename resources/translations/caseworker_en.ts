<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>AccessExportDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/access_export.py" line="15"/>
        <source>Auskunft nach Art. 15 DSGVO</source>
        <translation>Access request (GDPR Art. 15)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/access_export.py" line="21"/>
        <source>Alles, was dieser Laptop über %1 gespeichert hat (alle Fälle, auch gelöschte Einträge), wer es gesehen oder geändert hat und an wen Daten gingen: als PDF für die Person und als JSON-Datei mit jedem gespeicherten Feld. Die Geräte, die die Akte empfangen haben, nennt die Auskunft des Landratsamts.</source>
        <translation>Everything this laptop has stored about %1 (all cases, deleted entries too), who saw or changed it and to whom data went: as a PDF for the person and as a JSON file with every stored field. The devices that received the record are named in the district office&apos;s export.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/access_export.py" line="30"/>
        <source>Angaben der Traumasprechstunde aufnehmen (vertraulich, wird protokolliert)</source>
        <translation>Include the trauma consultation (confidential, logged)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/access_export.py" line="39"/>
        <source>Ordner wählen und erstellen …</source>
        <translation>Choose folder and create …</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/app.py" line="130"/>
        <source>Das Profil konnte nicht angelegt werden.</source>
        <translation>The profile could not be created.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/app.py" line="132"/>
        <source>Neues Profil</source>
        <translation>New profile</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/app.py" line="164"/>
        <source>Der Zugang konnte nicht wiederhergestellt werden.</source>
        <translation>Access could not be restored.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/app.py" line="185"/>
        <source>Die Sicherung konnte nicht zurückgespielt werden.</source>
        <translation>The backup could not be restored.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/app.py" line="221"/>
        <source>Die Falldatei konnte nicht geöffnet werden.</source>
        <translation>The case file could not be opened.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="132"/>
        <source>Platz vergeben</source>
        <translation>Place assigned</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="133"/>
        <source>Vergeben</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="136"/>
        <source>Termin / Angebot</source>
        <translation>Date / service</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="139"/>
        <source>(%1 frei)</source>
        <translation>(%1 free)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="142"/>
        <source>Termin / Platz</source>
        <translation>Appointment / place</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="147"/>
        <source>Kein Termin mit freien Plätzen. Bitte zuerst anlegen.</source>
        <translation>No date with free places. Please create one first.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="153"/>
        <source>automatisch (erster freier)</source>
        <translation>automatic (first free)</translation>
    </message>
</context>
<context>
    <name>CarryRecommendationDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="21"/>
        <source>Empfehlung in den Hilfeplan übernehmen</source>
        <translation>Carry the recommendation into the help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="26"/>
        <source>Dieses Ziel kommt in den Hilfeplan:</source>
        <translation>This goal goes into the help plan:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="31"/>
        <source>Lebensbereich</source>
        <translation>Life area</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="36"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="39"/>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="50"/>
        <source>Der Hilfeplan ist „%1“. Mit dem neuen Ziel geht er in den Entwurf zurück: Er muss mit der Klient:in neu vereinbart und unterschrieben und von der Teamleitung erneut freigegeben werden.</source>
        <translation>The help plan is “%1”. With the new goal it returns to draft: it must be agreed and signed with the client again and approved again by the team lead.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/carry.py" line="62"/>
        <source>Übernehmen</source>
        <translation>Carry over</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="84"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="85"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="86"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="87"/>
        <source>Fortschreibung</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="88"/>
        <source>Vermittlungen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="89"/>
        <source>Letzter Kontakt</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="90"/>
        <source>Aktenzeichen</source>
        <translation>Case reference</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="91"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="92"/>
        <source>Hinweise</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="231"/>
        <source>Fortschreibung des Hilfeplans ist überfällig</source>
        <translation>Help plan review is overdue</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="233"/>
        <source>Seit mehr als %1 Wochen kein Kontakt</source>
        <translation>No contact for more than %1 weeks</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="237"/>
        <source>%1 Vermittlung(en) ohne Bewegung seit Wochen</source>
        <translation>%1 referral(s) without progress for weeks</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="248"/>
        <source>1 Kommentar</source>
        <translation>1 comment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="250"/>
        <source>%1 Kommentare</source>
        <translation>%1 comments</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="253"/>
        <source>Freigabe offen</source>
        <translation>Approval pending</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="255"/>
        <source>Vermittlung stockt</source>
        <translation>Referral stalled</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/caseload.py" line="273"/>
        <source>keiner</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="57"/>
        <source>Suchen: Name, Geburtsdatum, Telefon, Anschrift, Aktenzeichen … (Strg+F)</source>
        <translation>Search: name, birth date, phone, address, file reference … (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="61"/>
        <source>Sucht in Name, Kommune, Status, Aktenzeichen, Geburtsdatum, Telefon, Anschrift und den Namen im Haushalt. ↓ oder Eingabe: in die Liste.</source>
        <translation>Searches name, municipality, status, file reference, birth date, phone, address and the names in the household. ↓ or Enter: into the list.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="141"/>
        <source>Nur die Fälle einer Fachkraft zeigen</source>
        <translation>Show only the cases of one caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="146"/>
        <source>Nur die Fälle einer Kommune zeigen</source>
        <translation>Show only the cases in one municipality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="153"/>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="161"/>
        <source>Die Fortschreibung des Hilfeplans ist überfällig.</source>
        <translation>The help plan review is overdue.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="163"/>
        <source>Kein Beratungskontakt seit so vielen Wochen (ohne abgeschlossene Fälle).</source>
        <translation>No contact for this many weeks (closed cases excluded).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="166"/>
        <source>Eine Sprachkurs-Vermittlung oder Platzanfrage wartet seit %1 Wochen ohne Statusänderung.</source>
        <translation>A language course referral or place request has been waiting for %1 weeks without a status change.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="170"/>
        <source>Der Hilfeplan ist vereinbart und wartet auf die Freigabe der Teamleitung.</source>
        <translation>The help plan is agreed and awaits the team lead&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="172"/>
        <source>Ein Kommentar der Teamleitung ist noch nicht erledigt.</source>
        <translation>A comment from the team lead has not been dealt with yet.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="191"/>
        <source> Wochen</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="192"/>
        <source>Wochen ohne Kontakt</source>
        <translation>Weeks without contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="222"/>
        <source>Alle Fachkräfte</source>
        <translation>All caseworkers</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="225"/>
        <source>Alle Kommunen</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="287"/>
        <source>Fortschreibung überfällig (%1)</source>
        <translation>Review overdue (%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="288"/>
        <source>Ohne Kontakt seit</source>
        <translation>No contact for</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="289"/>
        <source>Vermittlung stockt (%1)</source>
        <translation>Referral stalled (%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="290"/>
        <source>Freigabe offen (%1)</source>
        <translation>Approval pending (%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="291"/>
        <source>Kommentar offen (%1)</source>
        <translation>Open comment (%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="299"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="329"/>
        <source>Noch keine Klient:innen.
Mit „Neue Klient:in“ (Strg+N) anlegen.</source>
        <translation>No clients yet.
Create one with “New client” (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="333"/>
        <source>Keine Treffer für „%1“.</source>
        <translation>No matches for “%1”.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="336"/>
        <source>Keine Fälle für diese Filter.</source>
        <translation>No cases match these filters.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/caseload.py" line="341"/>
        <source>%1 von %2 Fällen</source>
        <translation>%1 of %2 cases</translation>
    </message>
</context>
<context>
    <name>ClientFileView</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="59"/>
        <source>Fall …</source>
        <translation>Case …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="62"/>
        <source>Ruhend setzen</source>
        <translation>Set dormant</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="63"/>
        <source>Abschließen …</source>
        <translation>Close …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="64"/>
        <source>Wieder öffnen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="65"/>
        <source>Wiedervorlage …</source>
        <translation>Follow-up …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="66"/>
        <source>Brief erstellen …</source>
        <translation>Write a letter …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="69"/>
        <source>Mit anderer Akte zusammenführen …</source>
        <translation>Merge with another record …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="71"/>
        <source>Dieselbe Person wurde zweimal angelegt</source>
        <translation>The same person was registered twice</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="73"/>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="237"/>
        <source>Löschung auf Antrag (Art. 17 DSGVO) …</source>
        <translation>Erasure on request (GDPR Art. 17) …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="76"/>
        <source>Auskunft nach Art. 15 DSGVO …</source>
        <translation>Access request (GDPR Art. 15) …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="79"/>
        <source>Als Fehleingabe löschen …</source>
        <translation>Delete as entered by mistake …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="82"/>
        <source>Nur solange noch nichts an das Landratsamt übertragen wurde</source>
        <translation>Only while nothing has been sent to the district office</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="86"/>
        <source>Löschantrag bestätigen …</source>
        <translation>Confirm erasure request …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="97"/>
        <source>Ansicht der Teamleitung: kommentieren und freigeben. Ändern können Sie diese Akte nur als Vertretung (Freischaltung durch das Landratsamt).</source>
        <translation>Team lead&apos;s view: comment and approve. You can change this file only as a stand-in (enabled by the district office).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="155"/>
        <source>Stammdaten und Haushalt</source>
        <translation>Personal details and household</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="155"/>
        <source>Stammdaten</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="156"/>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="366"/>
        <source>Hilfeplan</source>
        <translation>Help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="157"/>
        <source>Sprachkurse</source>
        <translation>Language courses</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="158"/>
        <source>Trauma</source>
        <translation>Trauma</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="158"/>
        <source>Traumasprechstunde (vertraulich)</source>
        <translation>Trauma consultation (confidential)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="160"/>
        <source>Dokumente</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="160"/>
        <source>Scans, Fotos und PDFs</source>
        <translation>Scans, photos and PDFs</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="235"/>
        <source>Löschantrag zurücknehmen</source>
        <translation>Withdraw erasure request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="290"/>
        <source>Verarbeitung eingeschränkt seit %1 (Art. 18 DSGVO): nur lesen. Grund: %2</source>
        <translation>Processing restricted since %1 (GDPR Art. 18): read only. Reason: %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="295"/>
        <source>Die Person bestreitet ihre Angaben (seit %1): %2</source>
        <translation>The person disputes their data (since %1): %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="327"/>
        <source>Wird nach den Aufbewahrungsregeln am %1 gelöscht.</source>
        <translation>Will be deleted under the retention rules on %1.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="339"/>
        <source>Löschung beantragt am %1 (Art. 17 DSGVO): wartet auf die Bestätigung der Teamleitung.</source>
        <translation>Erasure requested on %1 (GDPR Art. 17): waiting for the team lead&apos;s confirmation.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="344"/>
        <source>Löschung beantragt am %1 (Art. 17 DSGVO), bestätigt: das Landratsamt löscht die Akte bei seinem nächsten Löschlauf, danach auch auf diesem Gerät.</source>
        <translation>Erasure requested on %1 (GDPR Art. 17), confirmed: the district office deletes the record at its next deletion run, and then on this device too.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="402"/>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="423"/>
        <source>Als Fehleingabe löschen</source>
        <translation>Delete as entered by mistake</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="404"/>
        <source>%1 mit Akte %2 und allem, was dazu erfasst ist, endgültig löschen? Das geht nur, solange noch nichts davon an das Landratsamt übertragen wurde.</source>
        <translation>Delete %1 with file %2 and everything recorded for it for good? This is possible only while none of it has been sent to the district office.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="57"/>
        <source>Löschung auf Antrag</source>
        <translation>Erasure on request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="59"/>
        <source>Den Löschantrag für Akte %1 zurücknehmen?</source>
        <translation>Withdraw the erasure request for record %1?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="64"/>
        <source>%1 hat heute die Löschung der Daten verlangt (Art. 17 DSGVO)? Die Teamleitung bestätigt den Antrag; danach löscht das Landratsamt die Akte %2 mit allem, was dazu gespeichert ist, auf allen Geräten und in den Sicherungen. Das kann nicht rückgängig gemacht werden.</source>
        <translation>Did %1 ask today for their data to be erased (GDPR Art. 17)? The team lead confirms the request; then the district office deletes record %2 with everything stored about it, on every device and in the backups. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="90"/>
        <source>Löschantrag bestätigen</source>
        <translation>Confirm erasure request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="94"/>
        <source>Löschung der Akte %1 (%2) bestätigen? Das Landratsamt löscht sie bei seinem nächsten Löschlauf auf allen Geräten; das kann nicht rückgängig gemacht werden.</source>
        <translation>Confirm the erasure of record %1 (%2)? The district office deletes it at its next deletion run on every device; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="116"/>
        <source>Akten zusammenführen</source>
        <translation>Merge records</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="124"/>
        <source>Keine andere Akte gefunden, die dieselbe Person sein könnte (Name in anderer Schreibweise, Geburtsdatum).</source>
        <translation>No other record found that could be the same person (name in another spelling, date of birth).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="159"/>
        <source>Zusammenführen fehlgeschlagen.</source>
        <translation>Merging failed.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="171"/>
        <source>Auskunft nach Art. 15 DSGVO</source>
        <translation>Access request (GDPR Art. 15)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="175"/>
        <source>Ordner für die Auskunft</source>
        <translation>Folder for the access export</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/case_actions.py" line="185"/>
        <source>Auskunft erstellt:
%1
%2</source>
        <translation>Access export created:
%1
%2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="159"/>
        <source>Beratungskontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="159"/>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="161"/>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="118"/>
        <source>Links eine Klientin oder einen Klienten wählen,
oder mit Strg+N neu anlegen.</source>
        <translation>Choose a client on the left,
or create a new one with Ctrl+N.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="314"/>
        <source>Fachkraft: %1</source>
        <translation>Caseworker: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="355"/>
        <source>1 offener Kommentar der Teamleitung (Reiter Hilfeplan)</source>
        <translation>1 open comment from the team lead (Help plan tab)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="357"/>
        <source>%1 offene Kommentare der Teamleitung (Reiter Hilfeplan)</source>
        <translation>%1 open comments from the team lead (Help plan tab)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/client_file.py" line="369"/>
        <source>Offene Kommentare der Teamleitung</source>
        <translation>Open comments from the team lead</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="135"/>
        <source>Fall abschließen</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="137"/>
        <source>Der Fall bleibt lesbar und kann wieder geöffnet werden.</source>
        <translation>The case stays readable and can be reopened.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="140"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="142"/>
        <source>Abgeschlossen am</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="143"/>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="149"/>
        <source>Datum fehlt.</source>
        <translation>Date is missing.</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/codes.py" line="54"/>
        <source>Land eingeben …</source>
        <translation>Type a country …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/codes.py" line="133"/>
        <source>„%1“ ist keine bekannte Sprache.</source>
        <translation>“%1” is not a known language.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/codes.py" line="135"/>
        <source>„%1“ ist kein bekanntes Land.</source>
        <translation>“%1” is not a known country.</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/review.py" line="13"/>
        <source>Kommentar der Teamleitung</source>
        <translation>Team lead comment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/review.py" line="16"/>
        <source>Der Kommentar zu %1 geht mit der nächsten Synchronisierung an die zuständige Fachkraft. Sie markiert ihn als erledigt.</source>
        <translation>The comment on %1 goes to the responsible caseworker with the next sync. They mark it as done.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/review.py" line="20"/>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/review.py" line="23"/>
        <source>bezieht sich auf den aktuellen Hilfeplan</source>
        <translation>refers to the current help plan</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="39"/>
        <source>Konflikt lösen – %1</source>
        <translation>Resolve conflict – %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="44"/>
        <source>Dieser Text wurde auf zwei Geräten gleichzeitig geändert. Gilt zurzeit: links. Übernehmen Sie eine Fassung oder führen Sie beide unten zusammen.</source>
        <translation>This text was changed on two devices at the same time. Currently in force: left. Take one version or merge both below.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="55"/>
        <source>&lt;b&gt;Gilt zurzeit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Currently in force&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="56"/>
        <source>&lt;b&gt;Andere Fassung&lt;/b&gt;</source>
        <translation>&lt;b&gt;Other version&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="60"/>
        <source>Ergebnis</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="66"/>
        <source>Links übernehmen</source>
        <translation>Take left</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="69"/>
        <source>Rechts übernehmen</source>
        <translation>Take right</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/conflict.py" line="72"/>
        <source>Ergebnis speichern</source>
        <translation>Save result</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="24"/>
        <source>Einwilligung erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="27"/>
        <source>Wie auf dem unterschriebenen Formular: was, an wen, ab wann und bis wann. Ein Widerruf gilt ab seinem Datum.</source>
        <translation>As on the signed form: what, to whom, from when and until when. A withdrawal applies from its date.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="31"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="34"/>
        <source>Empfänger</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="37"/>
        <source>Zweck</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="38"/>
        <source>z. B. Abklärung in der Traumasprechstunde</source>
        <translation>e.g. assessment in the trauma consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="39"/>
        <source>Unterschrieben am</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="40"/>
        <source>Gültig bis</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="41"/>
        <source>Leer lassen, wenn sie bis zum Widerruf gilt.</source>
        <translation>Leave empty if it is valid until withdrawn.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="55"/>
        <source>Bitte das Datum der Unterschrift eintragen.</source>
        <translation>Please enter the date of the signature.</translation>
    </message>
</context>
<context>
    <name>ConsentsBox</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="31"/>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="41"/>
        <source>widerrufen am %1</source>
        <translation>withdrawn on %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="46"/>
        <source>Art und Empfänger</source>
        <translation>Kind and recipient</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="47"/>
        <source>Zweck</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="49"/>
        <source>Erteilt</source>
        <translation>Given</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="51"/>
        <source>Gültig bis</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="53"/>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="60"/>
        <source>Einwilligung erfassen …</source>
        <translation>Record consent …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="61"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/consents.py" line="76"/>
        <source>Widerrufen …</source>
        <translation>Withdraw …</translation>
    </message>
</context>
<context>
    <name>ContactNoteDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="226"/>
        <source>Beratungskontakt bearbeiten</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="228"/>
        <source>Beratungskontakt notieren</source>
        <translation>Record contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="232"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="234"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="235"/>
        <source>Dauer (Minuten)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="250"/>
        <source>Lebensbereiche</source>
        <translation>Life areas</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="251"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="259"/>
        <source>Datum fehlt.</source>
        <translation>Date is missing.</translation>
    </message>
</context>
<context>
    <name>CourseCompletionDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="120"/>
        <source>Kursabschluss erfassen</source>
        <translation>Record course completion</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="122"/>
        <source>%1, Ziel %2.</source>
        <translation>%1, target %2.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="126"/>
        <source>Kursende</source>
        <translation>Course end</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="129"/>
        <source>Erreichtes Niveau</source>
        <translation>Level reached</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="132"/>
        <source>kein Zertifikat</source>
        <translation>no certificate</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="139"/>
        <source>Bitte das Kursende eintragen.</source>
        <translation>Please enter the end of the course.</translation>
    </message>
</context>
<context>
    <name>CourseReferralDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="41"/>
        <source>Sprachkursvermittlung bearbeiten</source>
        <translation>Edit language course referral</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="43"/>
        <source>An einen Sprachkurs vermitteln</source>
        <translation>Refer to a language course</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="47"/>
        <source>Kursart</source>
        <translation>Course type</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="49"/>
        <source>Zielniveau</source>
        <translation>Target level</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="52"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="55"/>
        <source>Kursbeginn</source>
        <translation>Course start</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="58"/>
        <source>Kinderbetreuung nötig</source>
        <translation>Childcare needed</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="60"/>
        <source>Ziel im Hilfeplan</source>
        <translation>Goal in the help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="61"/>
        <source>– keines –</source>
        <translation>– none –</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="66"/>
        <source>Das Ziel folgt dem Kurs: in Bearbeitung ab Kursbeginn, erreicht mit dem Niveau.</source>
        <translation>The goal follows the course: in progress from the start, achieved with the level.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="69"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="78"/>
        <source>Erreichtes Niveau</source>
        <translation>Level achieved</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="83"/>
        <source>Kursende</source>
        <translation>Course end</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="86"/>
        <source>Leer lassen: heute, wenn der Kurs abgeschlossen ist</source>
        <translation>Leave empty: today, when the course is completed</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="87"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CoursesTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="38"/>
        <source>Kursart</source>
        <translation>Course type</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="39"/>
        <source>Ziel</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="40"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="41"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="44"/>
        <source>Erreicht</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="48"/>
        <source>Kinderbetreuung</source>
        <translation>Childcare</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="49"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="52"/>
        <source>Noch keine Sprachkursvermittlung.
„An Sprachkurs vermitteln“ legt eine an.</source>
        <translation>No language course referrals yet.
“Refer to language course” creates one.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="57"/>
        <source>An Sprachkurs vermitteln</source>
        <translation>Refer to language course</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="60"/>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="62"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="110"/>
        <source>Abschluss erfassen …</source>
        <translation>Record completion …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="64"/>
        <source>Kursende und erreichtes Niveau in einem Schritt</source>
        <translation>End of course and level reached in one step</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="107"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="112"/>
        <source>Bearbeiten …</source>
        <translation>Edit …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="139"/>
        <source>Sprachkurs</source>
        <translation>Language course</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/courses.py" line="149"/>
        <source>Sprachkurs bearbeiten</source>
        <translation>Edit language course</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/fields.py" line="30"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/fields.py" line="116"/>
        <source>Datum bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Please enter the date as DD.MM.YYYY.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="23"/>
        <source>Dokument hinzufügen</source>
        <translation>Add document</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="23"/>
        <source>Dokument bearbeiten</source>
        <translation>Edit document</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="26"/>
        <source>PDF, Scan oder Foto, höchstens %1 MB. Der Inhalt wird verschlüsselt in der Falldatei gespeichert und beim Abgleich an das Landratsamt übertragen. Ärztliche Unterlagen und solche der Traumasprechstunde sind vertraulich: Name und Notiz erscheinen erst beim Öffnen, jedes Öffnen wird protokolliert.</source>
        <translation>PDF, scan or photo, at most %1 MB. The content is stored encrypted in the case file and sent to the district office when syncing. Doctors&apos; documents and those of the trauma consultation are confidential: name and note appear only when opened, and every opening is logged.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="38"/>
        <source>Datei wählen …</source>
        <translation>Choose a file …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="39"/>
        <source>Durchsuchen …</source>
        <translation>Browse …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="47"/>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="49"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="52"/>
        <source>Datum des Dokuments</source>
        <translation>Date of the document</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="54"/>
        <source>Bezeichnung</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="57"/>
        <source>wie die Datei heißt</source>
        <translation>as the file is named</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="58"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="70"/>
        <source>Dokument wählen</source>
        <translation>Choose document</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="72"/>
        <source>PDF und Bilder (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)</source>
        <translation>PDF and images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document.py" line="88"/>
        <source>Bitte eine Datei wählen.</source>
        <translation>Please choose a file.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="29"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="33"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="34"/>
        <source>Bezeichnung</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="36"/>
        <source>Größe</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="41"/>
        <source>Verfügbar</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="42"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="45"/>
        <source>Noch keine Dokumente.
„Dokument hinzufügen“ oder eine Datei hierher ziehen (PDF, Scan, Foto).</source>
        <translation>No documents yet.
&quot;Add document&quot; or drop a file here (PDF, scan, photo).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="52"/>
        <source>Dokument hinzufügen …</source>
        <translation>Add document …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="55"/>
        <source>Ansehen</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="58"/>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="61"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="75"/>
        <source>%1 (Fall %2)</source>
        <translation>%1 (case %2)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="82"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="82"/>
        <source>nach dem Abgleich</source>
        <translation>after the next sync</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="131"/>
        <source>Vertrauliches Dokument</source>
        <translation>Confidential document</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="133"/>
        <source>Dieses Dokument enthält Gesundheitsdaten. Öffnen? Das Öffnen wird protokolliert.</source>
        <translation>This document contains health data. Open it? Opening is logged.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="156"/>
        <source>Ansehen nicht möglich</source>
        <translation>Cannot view</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="177"/>
        <source>Bearbeiten nicht möglich</source>
        <translation>Cannot edit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="188"/>
        <source>Dokument löschen</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="190"/>
        <source>Dieses Dokument löschen? Es wird auch beim Landratsamt und auf den anderen Geräten gelöscht.</source>
        <translation>Delete this document? It is also deleted at the district office and on the other devices.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/documents.py" line="201"/>
        <source>Löschen nicht möglich</source>
        <translation>Cannot delete</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/enrol.py" line="13"/>
        <source>Beim Landratsamt anmelden</source>
        <translation>Enrol with the district office</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/enrol.py" line="16"/>
        <source>Den Einmalcode erhalten Sie von Ihrer Teamleitung oder der Administration. Er enthält den Fingerabdruck des Servers: das Gerät prüft damit, dass es wirklich mit dem Landratsamt spricht, bevor es etwas sendet. Danach gleicht es Ihre Fälle automatisch ab, sobald es online ist.</source>
        <translation>You get the one-time code from your team lead or the administration. It contains the server&apos;s fingerprint: the device uses it to check that it really talks to the district office before it sends anything. After that it syncs your cases automatically whenever it is online.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/enrol.py" line="22"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/enrol.py" line="24"/>
        <source>Einmalcode</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/enrol.py" line="26"/>
        <source>Anmelden</source>
        <translation>Enrol</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="189"/>
        <source>Ziel bearbeiten</source>
        <translation>Edit goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="189"/>
        <source>Neues Ziel</source>
        <translation>New goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="191"/>
        <source>Lebensbereich</source>
        <translation>Life area</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="192"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="194"/>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="197"/>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="200"/>
        <source>Fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="202"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="204"/>
        <source>Ergebnis</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="124"/>
        <source>Neues Profil einrichten</source>
        <translation>Set up a new profile</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="127"/>
        <source>Weiter &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="128"/>
        <source>&lt; Zurück</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="129"/>
        <source>Fertig</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="130"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="134"/>
        <source>Willkommen</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="137"/>
        <source>Caseworker Desktop speichert Ihre Fälle verschlüsselt auf diesem Laptop. Zuerst legen wir Ihr Profil an.</source>
        <translation>Caseworker Desktop stores your cases encrypted on this laptop. First, let&apos;s set up your profile.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="146"/>
        <source>Benutzername</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="147"/>
        <source>Anzeigename</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="148"/>
        <source>Ordner</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="160"/>
        <source>Wichtiger Hinweis zur Wiederherstellung</source>
        <translation>Important note on recovery</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="163"/>
        <source>&lt;p&gt;Ihre Passphrase ist der einzige Schlüssel zu dieser Falldatei. Sie wird nirgends gespeichert und kann nicht angezeigt werden.&lt;/p&gt;&lt;p&gt;Vergessen Sie die Passphrase, stellt das Landratsamt den Zugang mit seinem Wiederherstellungsschlüssel wieder her, sobald dieses Gerät angemeldet ist (Synchronisation). Bis dahin gibt es keinen anderen Weg.&lt;/p&gt;&lt;p&gt;Bewahren Sie die Passphrase nicht auf dem Laptop auf. Der Laptop sperrt sich nach einigen Minuten ohne Eingabe selbst.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Your passphrase is the only key to this case file. It is not stored anywhere and cannot be displayed.&lt;/p&gt;&lt;p&gt;If you forget the passphrase, the district office can restore access with its recovery key once this device has been registered (synchronisation). Until then there is no other way.&lt;/p&gt;&lt;p&gt;Do not keep the passphrase on the laptop. The laptop locks itself after a few minutes without input.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="45"/>
        <source>Fortschreibung des Hilfeplans</source>
        <translation>Help plan review</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="46"/>
        <source>Ziel fällig</source>
        <translation>Goal due</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="47"/>
        <source>Kursbeginn</source>
        <translation>Course starts</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="48"/>
        <source>Termin Traumasprechstunde</source>
        <translation>Trauma consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="49"/>
        <source>Einwilligung läuft ab</source>
        <translation>Consent expires</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="50"/>
        <source>Wiedervorlage</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="54"/>
        <source>Überfällig im Team (alle Fälle dieser Falldatei):</source>
        <translation>Overdue in the team (all cases in this case file):</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="57"/>
        <source>Fällig in Ihren offenen Fällen: Fortschreibungen, Ziele, Kursbeginne, Termine der Traumasprechstunde und ablaufende Einwilligungen. Doppelklick öffnet den Fall.</source>
        <translation>Due in your open cases: reviews, goals, course starts, trauma consultations and expiring consents. Double-click opens the case.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="66"/>
        <source>Fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="66"/>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="66"/>
        <source>Klient:in</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="67"/>
        <source>Aktenzeichen</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="69"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="80"/>
        <source>mit Namen der Klient:innen</source>
        <translation>with client names</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="82"/>
        <source>Termine als Kalenderdatei (.ics) …</source>
        <translation>Appointments as calendar file (.ics) …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="86"/>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="89"/>
        <source>Eine Woche später</source>
        <translation>One week later</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="94"/>
        <source>Für Wiedervorlagen, die von Hand gesetzt wurden</source>
        <translation>For follow-ups set by hand</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="135"/>
        <source>Überfällig</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="135"/>
        <source>Heute</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="136"/>
        <source>Diese Woche</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="198"/>
        <source>Termine als Kalenderdatei speichern</source>
        <translation>Save appointments as calendar file</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="200"/>
        <source>Kalenderdateien (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/follow_ups.py" line="208"/>
        <source>%1 Termine gespeichert: %2</source>
        <translation>%1 appointments saved: %2</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/base.py" line="89"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/base.py" line="148"/>
        <source>Eingaben verwerfen?</source>
        <translation>Discard input?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/base.py" line="149"/>
        <source>Die Eingaben sind noch nicht gespeichert. Verwerfen?</source>
        <translation>Your input has not been saved yet. Discard it?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/common.py" line="55"/>
        <source>Speichern fehlgeschlagen.</source>
        <translation>Saving failed.</translation>
    </message>
</context>
<context>
    <name>HBarChart</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/charts.py" line="202"/>
        <source>weitere (%1)</source>
        <translation>others (%1)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="33"/>
        <source>der bisherigen Fachkraft</source>
        <translation>the previous caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="37"/>
        <source>Übergabe von %1 – %2</source>
        <translation>Handover from %1 – %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="45"/>
        <source>%1 hat das offline neu angelegt, als die Akte schon Ihnen übergeben war. „Übernehmen“ legt den Eintrag bei Ihnen an.</source>
        <translation>%1 created this offline after the case had been handed over to you. &quot;Take over&quot; adds the entry to your case file.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="50"/>
        <source>%1 hat das offline geändert, als die Akte schon Ihnen übergeben war. Wählen Sie, welche Angaben Sie übernehmen; der Rest bleibt, wie er ist.</source>
        <translation>%1 changed this offline after the case had been handed over to you. Choose what to take over; everything else stays as it is.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="61"/>
        <source>Angabe</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="61"/>
        <source>Gilt zurzeit</source>
        <translation>In force now</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="61"/>
        <source>Von %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="88"/>
        <source>Übernehmen</source>
        <translation>Take over</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="88"/>
        <source>Ausgewählte übernehmen</source>
        <translation>Take over selected</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="93"/>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/handover.py" line="96"/>
        <source>Später</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>HelpPlanTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="51"/>
        <source>Für diesen Fall gibt es noch keinen Hilfeplan.</source>
        <translation>There is no help plan for this case yet.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="55"/>
        <source>Hilfeplan anlegen</source>
        <translation>Create help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="75"/>
        <source>Zeitraum und Fortschreibung …</source>
        <translation>Period and review…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="77"/>
        <source>Mit Klient:in vereinbart und unterschrieben</source>
        <translation>Agreed and signed with client</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="80"/>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="82"/>
        <source>Vorschau, Drucken oder als PDF speichern (Strg+P)</source>
        <translation>Preview, print or save as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="84"/>
        <source>Freigeben</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="160"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="101"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="307"/>
        <source>Ziel hinzufügen</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="104"/>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="106"/>
        <source>Nach oben</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="109"/>
        <source>Nach unten</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="112"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="155"/>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="158"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="159"/>
        <source>Fortschreibung</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="173"/>
        <source>Den vereinbarten Hilfeplan freigeben</source>
        <translation>Approve the agreed help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="175"/>
        <source>Freigeben lässt sich ein mit der Klient:in vereinbarter Hilfeplan.</source>
        <translation>Only a help plan agreed with the client can be approved.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="181"/>
        <source>der Teamleitung</source>
        <translation>the team lead</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="183"/>
        <source>Freigegeben von %1 am %2</source>
        <translation>Approved by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="189"/>
        <source>Vereinbart, Freigabe durch die Teamleitung offen</source>
        <translation>Agreed, approval by the team lead pending</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="191"/>
        <source>Entwurf: noch nicht mit der Klient:in vereinbart</source>
        <translation>Draft: not yet agreed with the client</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="248"/>
        <source>Hilfeplan vereinbaren</source>
        <translation>Agree help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="261"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="282"/>
        <source>Hilfeplan freigeben</source>
        <translation>Approve help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="263"/>
        <source>Die Fortschreibung dieses Hilfeplans war am %1 fällig. Trotzdem freigeben? Sonst zuerst mit der Fachkraft die Fortschreibung klären (Kommentar).</source>
        <translation>The review of this help plan was due on %1. Approve anyway? Otherwise first settle the review with the caseworker (comment).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="276"/>
        <source>Hilfeplan freigegeben.</source>
        <translation>Help plan approved.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="326"/>
        <source>Ziel bearbeiten</source>
        <translation>Edit goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="363"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="368"/>
        <source>Bearbeiten …</source>
        <translation>Edit …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="369"/>
        <source>Löschen …</source>
        <translation>Delete …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="381"/>
        <source>Status ändern</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="422"/>
        <source>Ziel löschen</source>
        <translation>Delete goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="423"/>
        <source>Das Ziel „%1“ löschen?</source>
        <translation>Delete the goal “%1”?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/help_plan.py" line="424"/>
        <source>vertrauliches Ziel</source>
        <translation>confidential goal</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="30"/>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="31"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="33"/>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="38"/>
        <source>Geänderte Felder</source>
        <translation>Changed fields</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="39"/>
        <source>Von</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="41"/>
        <source>Noch kein Verlauf.</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/history.py" line="52"/>
        <source>unbekannt (%1)</source>
        <translation>unknown (%1)</translation>
    </message>
</context>
<context>
    <name>HouseholdMembersList</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/household.py" line="24"/>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/household.py" line="29"/>
        <source>Alter unbekannt</source>
        <translation>Age unknown</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/household.py" line="29"/>
        <source>%1 J.</source>
        <translation>%1 yrs</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/household.py" line="48"/>
        <source>Akte öffnen</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/household.py" line="51"/>
        <source>Die Akte von %1 öffnen</source>
        <translation>Open the file of %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/household.py" line="53"/>
        <source>Keine Akte dieser Person auf diesem Laptop</source>
        <translation>No file of this person on this laptop</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="38"/>
        <source>Fallbestand importieren</source>
        <translation>Import caseload</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="44"/>
        <source>Eine Liste des Landratsamts oder der Kommune (Excel .xlsx oder CSV) als Klient:innen mit Haushalt und offenem Fall übernehmen. Erkannt werden Überschriften wie Name, Vorname, Geburtsdatum, Kommune, Anschrift, Staatsangehörigkeit, Sprachen, Aufenthaltsstatus, Einzug und Haushalt. Schon Erfasste werden ausgelassen; enthält die Liste fehlerhafte Zeilen, wird nichts übernommen.</source>
        <translation>Take over a list of the district office or the municipality (Excel .xlsx or CSV) as clients with household and an open case. Recognised headers (German) include Name, Vorname, Geburtsdatum, Kommune, Anschrift, Staatsangehörigkeit, Sprachen, Aufenthaltsstatus, Einzug and Haushalt. People already on file are left out; if the list has faulty rows, nothing is imported.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="56"/>
        <source>keine Datei gewählt</source>
        <translation>no file chosen</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="58"/>
        <source>Datei wählen …</source>
        <translation>Choose file …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="63"/>
        <source>Liste:</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="66"/>
        <source>– aus der Liste –</source>
        <translation>– from the list –</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="68"/>
        <source>Kommune für Zeilen ohne Angabe:</source>
        <translation>Municipality for rows without one:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="74"/>
        <source>Zeile</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="75"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="76"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="77"/>
        <source>Übernahme</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="78"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="93"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="95"/>
        <source>Importieren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="112"/>
        <source>Liste zum Import wählen</source>
        <translation>Choose the list to import</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="114"/>
        <source>Listen (*.xlsx *.csv *.tsv *.txt)</source>
        <translation>Lists (*.xlsx *.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="129"/>
        <source>Liste wird gelesen …</source>
        <translation>Reading the list …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="142"/>
        <source>schon erfasst: %1</source>
        <translation>already on file: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="146"/>
        <source>neu</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="146"/>
        <source>Dublette</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="147"/>
        <source>Fehler</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="159"/>
        <source>%1 neu, %2 schon erfasst, %3 fehlerhaft.</source>
        <translation>%1 new, %2 already on file, %3 faulty.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="165"/>
        <source>Nicht gelesene Spalten: %1.</source>
        <translation>Columns not read: %1.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="170"/>
        <source>Bitte die rot markierten Zeilen in der Liste berichtigen und die Datei neu wählen; bis dahin wird nichts übernommen.</source>
        <translation>Please correct the rows marked red in the list and choose the file again; until then nothing is imported.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="187"/>
        <source>Wird übernommen …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/import_list.py" line="193"/>
        <source>%1 Klient:innen in %2 Haushalten übernommen, %3 Dubletten ausgelassen.</source>
        <translation>%1 clients in %2 households imported, %3 duplicates left out.</translation>
    </message>
</context>
<context>
    <name>Label</name>
    <message>
        <source>Integrationsmanager:in</source>
        <extracomment>Label of Role.CASEWORKER</extracomment>
        <translation>Integration manager</translation>
    </message>
    <message>
        <source>Teamleitung</source>
        <extracomment>Label of Role.TEAM_LEAD</extracomment>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Koordination Traumaangebote</source>
        <extracomment>Label of Role.COORDINATOR</extracomment>
        <translation>Trauma offers coordination</translation>
    </message>
    <message>
        <source>Administration</source>
        <extracomment>Label of Role.ADMIN</extracomment>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Landratsamt</source>
        <extracomment>Label of OrganisationKind.DISTRICT_OFFICE</extracomment>
        <translation>District office</translation>
    </message>
    <message>
        <source>Freier Träger</source>
        <extracomment>Label of OrganisationKind.WELFARE_ASSOCIATION</extracomment>
        <translation>Independent welfare organisation</translation>
    </message>
    <message>
        <source>Wohnen</source>
        <extracomment>Label of LifeArea.HOUSING</extracomment>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Sprache</source>
        <extracomment>Label of LifeArea.LANGUAGE</extracomment>
        <translation>Language</translation>
    </message>
    <message>
        <source>Arbeit und Ausbildung</source>
        <extracomment>Label of LifeArea.WORK</extracomment>
        <translation>Work and training</translation>
    </message>
    <message>
        <source>Gesundheit</source>
        <extracomment>Label of LifeArea.HEALTH</extracomment>
        <translation>Health</translation>
    </message>
    <message>
        <source>Bildung und Schule</source>
        <extracomment>Label of LifeArea.EDUCATION</extracomment>
        <translation>Education and school</translation>
    </message>
    <message>
        <source>Kinderbetreuung</source>
        <extracomment>Label of LifeArea.CHILDCARE, field childcare_needed</extracomment>
        <translation>Childcare</translation>
    </message>
    <message>
        <source>Finanzen</source>
        <extracomment>Label of LifeArea.FINANCES</extracomment>
        <translation>Finances</translation>
    </message>
    <message>
        <source>Aufenthaltsrecht</source>
        <extracomment>Label of LifeArea.RESIDENCE_LAW</extracomment>
        <translation>Residence law</translation>
    </message>
    <message>
        <source>Soziale Teilhabe</source>
        <extracomment>Label of LifeArea.SOCIAL_PARTICIPATION</extracomment>
        <translation>Social participation</translation>
    </message>
    <message>
        <source>Selbstständigkeit</source>
        <extracomment>Label of LifeArea.INDEPENDENCE</extracomment>
        <translation>Independence</translation>
    </message>
    <message>
        <source>Aufenthaltsgestattung (Asylverfahren)</source>
        <extracomment>Label of ResidenceStatus.ASYLUM_PENDING</extracomment>
        <translation>Permission to reside (asylum procedure)</translation>
    </message>
    <message>
        <source>Anerkannter Flüchtling</source>
        <extracomment>Label of ResidenceStatus.RECOGNISED_REFUGEE</extracomment>
        <translation>Recognised refugee</translation>
    </message>
    <message>
        <source>Subsidiärer Schutz</source>
        <extracomment>Label of ResidenceStatus.SUBSIDIARY_PROTECTION</extracomment>
        <translation>Subsidiary protection</translation>
    </message>
    <message>
        <source>Abschiebungsverbot</source>
        <extracomment>Label of ResidenceStatus.DEPORTATION_BAN</extracomment>
        <translation>Ban on deportation</translation>
    </message>
    <message>
        <source>Vorübergehender Schutz (§ 24 AufenthG)</source>
        <extracomment>Label of ResidenceStatus.TEMPORARY_PROTECTION</extracomment>
        <translation>Temporary protection (§ 24 AufenthG)</translation>
    </message>
    <message>
        <source>Duldung</source>
        <extracomment>Label of ResidenceStatus.TOLERATED</extracomment>
        <translation>Toleration (Duldung)</translation>
    </message>
    <message>
        <source>Niederlassungserlaubnis</source>
        <extracomment>Label of ResidenceStatus.SETTLEMENT_PERMIT</extracomment>
        <translation>Settlement permit</translation>
    </message>
    <message>
        <source>Sonstiger Status</source>
        <extracomment>Label of ResidenceStatus.OTHER</extracomment>
        <translation>Other status</translation>
    </message>
    <message>
        <source>Anschlussunterbringung</source>
        <extracomment>Label of HousingType.FOLLOW_UP_HOUSING</extracomment>
        <translation>Follow-up housing</translation>
    </message>
    <message>
        <source>Eigene Wohnung</source>
        <extracomment>Label of HousingType.OWN_FLAT</extracomment>
        <translation>Own flat</translation>
    </message>
    <message>
        <source>Sonstige Unterkunft</source>
        <extracomment>Label of HousingType.OTHER</extracomment>
        <translation>Other accommodation</translation>
    </message>
    <message>
        <source>Einwilligung in die Datenverarbeitung</source>
        <extracomment>Label of ConsentKind.DATA_PROCESSING</extracomment>
        <translation>Consent to data processing</translation>
    </message>
    <message>
        <source>Schweigepflichtentbindung</source>
        <extracomment>Label of ConsentKind.CONFIDENTIALITY_RELEASE, field consent_given</extracomment>
        <translation>Confidentiality release</translation>
    </message>
    <message>
        <source>Traumasprechstunde / Facharzt</source>
        <extracomment>Label of ConsentRecipient.TRAUMA_CONSULTATION</extracomment>
        <translation>Trauma consultation / specialist</translation>
    </message>
    <message>
        <source>Sprachkursträger</source>
        <extracomment>Label of ConsentRecipient.LANGUAGE_COURSE_PROVIDER</extracomment>
        <translation>Language course provider</translation>
    </message>
    <message>
        <source>Jobcenter</source>
        <extracomment>Label of ConsentRecipient.JOBCENTER</extracomment>
        <translation>Jobcenter</translation>
    </message>
    <message>
        <source>Ausländerbehörde</source>
        <extracomment>Label of ConsentRecipient.IMMIGRATION_OFFICE</extracomment>
        <translation>Immigration office</translation>
    </message>
    <message>
        <source>Andere Stelle</source>
        <extracomment>Label of ConsentRecipient.OTHER</extracomment>
        <translation>Other body</translation>
    </message>
    <message>
        <source>gültig</source>
        <extracomment>Label of ConsentState.VALID</extracomment>
        <translation>valid</translation>
    </message>
    <message>
        <source>noch nicht gültig</source>
        <extracomment>Label of ConsentState.NOT_YET_VALID</extracomment>
        <translation>not yet valid</translation>
    </message>
    <message>
        <source>abgelaufen</source>
        <extracomment>Label of ConsentState.EXPIRED</extracomment>
        <translation>expired</translation>
    </message>
    <message>
        <source>widerrufen</source>
        <extracomment>Label of ConsentState.WITHDRAWN</extracomment>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>Offen</source>
        <extracomment>Label of CaseStatus.OPEN, EntryStatus.OPEN</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ruhend</source>
        <extracomment>Label of CaseStatus.DORMANT</extracomment>
        <translation>Dormant</translation>
    </message>
    <message>
        <source>Abgeschlossen</source>
        <extracomment>Label of CaseStatus.CLOSED, CourseReferralStatus.COMPLETED, TraumaReferralStatus.CLOSED, report figure closed, report figure closed</extracomment>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Verarbeitung eingeschränkt</source>
        <extracomment>Label of MarkerKind.RESTRICTED</extracomment>
        <translation>Processing restricted</translation>
    </message>
    <message>
        <source>Bestritten</source>
        <extracomment>Label of MarkerKind.DISPUTED</extracomment>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Selbstständig, keine Unterstützung mehr nötig</source>
        <extracomment>Label of ClosingReason.INDEPENDENT</extracomment>
        <translation>Independent, no further support needed</translation>
    </message>
    <message>
        <source>Weggezogen</source>
        <extracomment>Label of ClosingReason.MOVED_AWAY</extracomment>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>Kein Kontakt mehr</source>
        <extracomment>Label of ClosingReason.NO_CONTACT</extracomment>
        <translation>No longer in contact</translation>
    </message>
    <message>
        <source>Unterstützung abgelehnt</source>
        <extracomment>Label of ClosingReason.CLIENT_DECLINED</extracomment>
        <translation>Support declined</translation>
    </message>
    <message>
        <source>An andere Stelle übergeben</source>
        <extracomment>Label of ClosingReason.HANDED_OVER</extracomment>
        <translation>Handed over to another service</translation>
    </message>
    <message>
        <source>Sonstiger Grund</source>
        <extracomment>Label of ClosingReason.OTHER</extracomment>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Doppelt angelegt (zusammengeführt)</source>
        <extracomment>Label of ClosingReason.DUPLICATE</extracomment>
        <translation>Registered twice (merged)</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <extracomment>Label of HelpPlanStatus.DRAFT</extracomment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Vereinbart</source>
        <extracomment>Label of HelpPlanStatus.AGREED</extracomment>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>Freigegeben</source>
        <extracomment>Label of HelpPlanStatus.APPROVED</extracomment>
        <translation>Approved</translation>
    </message>
    <message>
        <source>In Bearbeitung</source>
        <extracomment>Label of EntryStatus.IN_PROGRESS</extracomment>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Erreicht</source>
        <extracomment>Label of EntryStatus.ACHIEVED</extracomment>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Nicht erreicht</source>
        <extracomment>Label of EntryStatus.NOT_ACHIEVED</extracomment>
        <translation>Not achieved</translation>
    </message>
    <message>
        <source>Verworfen</source>
        <extracomment>Label of EntryStatus.DROPPED</extracomment>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Sprachkurs des Kreises (VwV Deutsch)</source>
        <extracomment>Label of CourseType.DISTRICT_COURSE</extracomment>
        <translation>District language course (VwV Deutsch)</translation>
    </message>
    <message>
        <source>Integrationskurs</source>
        <extracomment>Label of CourseType.INTEGRATION_COURSE</extracomment>
        <translation>Integration course</translation>
    </message>
    <message>
        <source>Berufssprachkurs</source>
        <extracomment>Label of CourseType.JOB_LANGUAGE_COURSE</extracomment>
        <translation>Vocational language course</translation>
    </message>
    <message>
        <source>Alphabetisierungskurs</source>
        <extracomment>Label of CourseType.LITERACY_COURSE</extracomment>
        <translation>Literacy course</translation>
    </message>
    <message>
        <source>Frauenkurs</source>
        <extracomment>Label of CourseType.WOMENS_COURSE</extracomment>
        <translation>Women&apos;s course</translation>
    </message>
    <message>
        <source>A1</source>
        <extracomment>Label of LanguageLevel.A1</extracomment>
        <translation>A1</translation>
    </message>
    <message>
        <source>A2</source>
        <extracomment>Label of LanguageLevel.A2</extracomment>
        <translation>A2</translation>
    </message>
    <message>
        <source>B1</source>
        <extracomment>Label of LanguageLevel.B1</extracomment>
        <translation>B1</translation>
    </message>
    <message>
        <source>B2</source>
        <extracomment>Label of LanguageLevel.B2</extracomment>
        <translation>B2</translation>
    </message>
    <message>
        <source>C1</source>
        <extracomment>Label of LanguageLevel.C1</extracomment>
        <translation>C1</translation>
    </message>
    <message>
        <source>Vorgeschlagen</source>
        <extracomment>Label of CourseReferralStatus.PROPOSED</extracomment>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Angemeldet</source>
        <extracomment>Label of CourseReferralStatus.REGISTERED</extracomment>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Warteliste</source>
        <extracomment>Label of CourseReferralStatus.WAITING_LIST, FollowUpOffer.WAITING_LIST, PlacementStatus.WAITING</extracomment>
        <translation>Waiting list</translation>
    </message>
    <message>
        <source>Begonnen</source>
        <extracomment>Label of CourseReferralStatus.STARTED</extracomment>
        <translation>Started</translation>
    </message>
    <message>
        <source>Abgebrochen</source>
        <extracomment>Label of CourseReferralStatus.DROPPED</extracomment>
        <translation>Dropped out</translation>
    </message>
    <message>
        <source>Angefragt</source>
        <extracomment>Label of TraumaReferralStatus.REQUESTED</extracomment>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Termin vergeben</source>
        <extracomment>Label of TraumaReferralStatus.SLOT_ASSIGNED</extracomment>
        <translation>Appointment given</translation>
    </message>
    <message>
        <source>Abklärung erfolgt</source>
        <extracomment>Label of TraumaReferralStatus.ASSESSED</extracomment>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>Abgesagt</source>
        <extracomment>Label of TraumaReferralStatus.CANCELLED, PlacementStatus.CANCELLED</extracomment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Nicht vorgesehen</source>
        <extracomment>Label of FollowUpOffer.NONE</extracomment>
        <translation>Not planned</translation>
    </message>
    <message>
        <source>Empfohlen</source>
        <extracomment>Label of FollowUpOffer.RECOMMENDED</extracomment>
        <translation>Recommended</translation>
    </message>
    <message>
        <source>Platz erhalten</source>
        <extracomment>Label of FollowUpOffer.PLACED</extracomment>
        <translation>Place obtained</translation>
    </message>
    <message>
        <source>Abgelehnt</source>
        <extracomment>Label of FollowUpOffer.DECLINED</extracomment>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Ohne Beschäftigung</source>
        <extracomment>Label of EmploymentStatus.NOT_EMPLOYED</extracomment>
        <translation>Not employed</translation>
    </message>
    <message>
        <source>Sozialversicherungspflichtig beschäftigt</source>
        <extracomment>Label of EmploymentStatus.EMPLOYED</extracomment>
        <translation>Employed (social insurance)</translation>
    </message>
    <message>
        <source>Minijob</source>
        <extracomment>Label of EmploymentStatus.MINI_JOB</extracomment>
        <translation>Mini-job</translation>
    </message>
    <message>
        <source>Selbstständig</source>
        <extracomment>Label of EmploymentStatus.SELF_EMPLOYED</extracomment>
        <translation>Self-employed</translation>
    </message>
    <message>
        <source>Ausbildung</source>
        <extracomment>Label of EmploymentStatus.VOCATIONAL_TRAINING</extracomment>
        <translation>Vocational training</translation>
    </message>
    <message>
        <source>Schule oder Studium</source>
        <extracomment>Label of EmploymentStatus.SCHOOL_OR_STUDIES</extracomment>
        <translation>School or studies</translation>
    </message>
    <message>
        <source>Bezugsperson</source>
        <extracomment>Label of HouseholdRelation.REFERENCE_PERSON</extracomment>
        <translation>Reference person</translation>
    </message>
    <message>
        <source>Ehepartner:in</source>
        <extracomment>Label of HouseholdRelation.SPOUSE</extracomment>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Label of HouseholdRelation.CHILD</extracomment>
        <translation>Child</translation>
    </message>
    <message>
        <source>Elternteil</source>
        <extracomment>Label of HouseholdRelation.PARENT</extracomment>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Geschwister</source>
        <extracomment>Label of HouseholdRelation.SIBLING</extracomment>
        <translation>Sibling</translation>
    </message>
    <message>
        <source>sonstige</source>
        <extracomment>Label of HouseholdRelation.OTHER</extracomment>
        <translation>other</translation>
    </message>
    <message>
        <source>nicht angegeben</source>
        <extracomment>Label of HouseholdRelation.UNKNOWN</extracomment>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Begleitetes Gruppenangebot</source>
        <extracomment>Label of TraumaOfferKind.GROUP_OFFERING</extracomment>
        <translation>Supervised group offering</translation>
    </message>
    <message>
        <source>Platz vergeben</source>
        <extracomment>Label of PlacementStatus.ASSIGNED</extracomment>
        <translation>Place assigned</translation>
    </message>
    <message>
        <source>Wahrgenommen</source>
        <extracomment>Label of PlacementStatus.ATTENDED</extracomment>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <extracomment>Label of ContactKind.HOME_VISIT</extracomment>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Sprechstunde</source>
        <extracomment>Label of ContactKind.OFFICE_HOUR</extracomment>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>Telefonat</source>
        <extracomment>Label of ContactKind.PHONE</extracomment>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Begleitung</source>
        <extracomment>Label of ContactKind.ACCOMPANIMENT</extracomment>
        <translation>Accompaniment</translation>
    </message>
    <message>
        <source>Brief</source>
        <extracomment>Label of ContactKind.LETTER</extracomment>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Aufenthaltstitel</source>
        <extracomment>Label of DocumentKind.RESIDENCE_PERMIT</extracomment>
        <translation>Residence permit</translation>
    </message>
    <message>
        <source>Ausweis/Pass</source>
        <extracomment>Label of DocumentKind.IDENTITY</extracomment>
        <translation>ID card/passport</translation>
    </message>
    <message>
        <source>Zeugnis/Nachweis</source>
        <extracomment>Label of DocumentKind.CERTIFICATE</extracomment>
        <translation>Certificate/proof</translation>
    </message>
    <message>
        <source>Kursbescheinigung</source>
        <extracomment>Label of DocumentKind.COURSE_CERTIFICATE</extracomment>
        <translation>Course certificate</translation>
    </message>
    <message>
        <source>Unterschriebener Hilfeplan</source>
        <extracomment>Label of DocumentKind.SIGNED_HELP_PLAN</extracomment>
        <translation>Signed help plan</translation>
    </message>
    <message>
        <source>Bescheid/Schreiben</source>
        <extracomment>Label of DocumentKind.NOTICE</extracomment>
        <translation>Notice/letter</translation>
    </message>
    <message>
        <source>Ärztliche Unterlage</source>
        <extracomment>Label of DocumentKind.MEDICAL</extracomment>
        <translation>Doctor&apos;s document</translation>
    </message>
    <message>
        <source>Unterlage Traumasprechstunde</source>
        <extracomment>Label of DocumentKind.TRAUMA</extracomment>
        <translation>Trauma consultation document</translation>
    </message>
    <message>
        <source>Sonstiges</source>
        <extracomment>Label of DocumentKind.OTHER</extracomment>
        <translation>Other</translation>
    </message>
    <message>
        <source>Gleichzeitig geänderter Text</source>
        <extracomment>Label of ConflictKind.TEXT</extracomment>
        <translation>Text changed concurrently</translation>
    </message>
    <message>
        <source>Übergabe</source>
        <extracomment>Label of ConflictKind.HANDOVER</extracomment>
        <translation>Handover</translation>
    </message>
    <message>
        <source>Angelegt</source>
        <extracomment>Label of AuditAction.CREATE</extracomment>
        <translation>Created</translation>
    </message>
    <message>
        <source>Geändert</source>
        <extracomment>Label of AuditAction.UPDATE</extracomment>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Gelöscht</source>
        <extracomment>Label of AuditAction.DELETE, field deleted</extracomment>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Angesehen</source>
        <extracomment>Label of AuditAction.VIEW</extracomment>
        <translation>Viewed</translation>
    </message>
    <message>
        <source>Gedruckt</source>
        <extracomment>Label of AuditAction.PRINT</extracomment>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Exportiert</source>
        <extracomment>Label of AuditAction.EXPORT</extracomment>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Entsperrt</source>
        <extracomment>Label of AuditAction.UNLOCK</extracomment>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Passphrase geändert</source>
        <extracomment>Label of AuditAction.PASSPHRASE_CHANGE</extracomment>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <source>Sicherung erstellt</source>
        <extracomment>Label of AuditAction.BACKUP</extracomment>
        <translation>Backup created</translation>
    </message>
    <message>
        <source>Wiederherstellung</source>
        <extracomment>Label of AuditAction.RECOVERY</extracomment>
        <translation>Recovery</translation>
    </message>
    <message>
        <source>Zusammengeführt</source>
        <extracomment>Label of AuditAction.MERGE</extracomment>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Sicherung zurückgespielt</source>
        <extracomment>Label of AuditAction.RESTORE</extracomment>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Vorname</source>
        <extracomment>Label of field first_name</extracomment>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nachname</source>
        <extracomment>Label of field last_name</extracomment>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <extracomment>Label of field birth_date</extracomment>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <extracomment>Label of field gender</extracomment>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit</source>
        <extracomment>Label of field nationality</extracomment>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <extracomment>Label of field languages</extracomment>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Aufenthaltsstatus</source>
        <extracomment>Label of field residence_status</extracomment>
        <translation>Residence status</translation>
    </message>
    <message>
        <source>Einreise</source>
        <extracomment>Label of field arrival_date</extracomment>
        <translation>Arrival date</translation>
    </message>
    <message>
        <source>Telefon</source>
        <extracomment>Label of field phone</extracomment>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Vermerk</source>
        <extracomment>Label of field notes</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Haushalt</source>
        <extracomment>Label of field household_id, history area household</extracomment>
        <translation>Household</translation>
    </message>
    <message>
        <source>Kommune</source>
        <extracomment>Label of field municipality_id</extracomment>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Anschrift</source>
        <extracomment>Label of field address</extracomment>
        <translation>Address</translation>
    </message>
    <message>
        <source>Wohnform</source>
        <extracomment>Label of field housing_type</extracomment>
        <translation>Type of housing</translation>
    </message>
    <message>
        <source>Einzug</source>
        <extracomment>Label of field moved_in_on</extracomment>
        <translation>Move-in date</translation>
    </message>
    <message>
        <source>Eigene Wohnung seit</source>
        <extracomment>Label of field own_flat_since</extracomment>
        <translation>Own flat since</translation>
    </message>
    <message>
        <source>Klient:in</source>
        <extracomment>Label of field client_id, history area client</extracomment>
        <translation>Client</translation>
    </message>
    <message>
        <source>Art</source>
        <extracomment>Label of field kind</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>Erteilt am</source>
        <extracomment>Label of field given_on</extracomment>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Widerrufen am</source>
        <extracomment>Label of field withdrawn_on</extracomment>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Zuständig</source>
        <extracomment>Label of field caseworker_id</extracomment>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Aktenzeichen</source>
        <extracomment>Label of field reference</extracomment>
        <translation>Case reference</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Label of field status</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fallbeginn</source>
        <extracomment>Label of field opened_on</extracomment>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Abschluss</source>
        <extracomment>Label of field closed_on</extracomment>
        <translation>Case closed</translation>
    </message>
    <message>
        <source>Abschlussgrund</source>
        <extracomment>Label of field closing_reason</extracomment>
        <translation>Reason for closure</translation>
    </message>
    <message>
        <source>Abschlussvermerk</source>
        <extracomment>Label of field closing_note</extracomment>
        <translation>Closing note</translation>
    </message>
    <message>
        <source>Fall</source>
        <extracomment>Label of field case_id, history area case_file</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <source>Beginn</source>
        <extracomment>Label of field start_minutes, field period_start</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <source>Anlass</source>
        <extracomment>Label of field reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Dauer je Termin</source>
        <extracomment>Label of field slot_minutes</extracomment>
        <translation>Length of each appointment</translation>
    </message>
    <message>
        <source>Zusammengeführt in</source>
        <extracomment>Label of field merged_into_id</extracomment>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Löschung beantragt am</source>
        <extracomment>Label of field erasure_requested_on</extracomment>
        <translation>Erasure requested on</translation>
    </message>
    <message>
        <source>Gekennzeichnet am</source>
        <extracomment>Label of field set_on</extracomment>
        <translation>Marked on</translation>
    </message>
    <message>
        <source>Feld</source>
        <extracomment>Label of field field</extracomment>
        <translation>Field</translation>
    </message>
    <message>
        <source>Aufgehoben am</source>
        <extracomment>Label of field lifted_on</extracomment>
        <translation>Lifted on</translation>
    </message>
    <message>
        <source>Löschung bestätigt von</source>
        <extracomment>Label of field erasure_confirmed_by</extracomment>
        <translation>Erasure confirmed by</translation>
    </message>
    <message>
        <source>Ende</source>
        <extracomment>Label of field period_end</extracomment>
        <translation>End</translation>
    </message>
    <message>
        <source>Fortschreibung</source>
        <extracomment>Label of field next_review_on</extracomment>
        <translation>Review</translation>
    </message>
    <message>
        <source>Vereinbart am</source>
        <extracomment>Label of field agreed_on</extracomment>
        <translation>Agreed on</translation>
    </message>
    <message>
        <source>Unterschrieben</source>
        <extracomment>Label of field signed</extracomment>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Freigegeben von</source>
        <extracomment>Label of field approved_by</extracomment>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Freigegeben am</source>
        <extracomment>Label of field approved_on</extracomment>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>Hilfeplan</source>
        <extracomment>Label of field help_plan_id, history area help_plan</extracomment>
        <translation>Help plan</translation>
    </message>
    <message>
        <source>Lebensbereich</source>
        <extracomment>Label of field life_area</extracomment>
        <translation>Life area</translation>
    </message>
    <message>
        <source>Reihenfolge</source>
        <extracomment>Label of field position</extracomment>
        <translation>Order</translation>
    </message>
    <message>
        <source>Ziel</source>
        <extracomment>Label of field goal</extracomment>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <extracomment>Label of field measures</extracomment>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <extracomment>Label of field responsible</extracomment>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <extracomment>Label of field due_on</extracomment>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Erledigt am</source>
        <extracomment>Label of field done_on</extracomment>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <extracomment>Label of field outcome_note</extracomment>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Aus Traumasprechstunde</source>
        <extracomment>Label of field source_trauma_referral_id</extracomment>
        <translation>From trauma consultation</translation>
    </message>
    <message>
        <source>Kursart</source>
        <extracomment>Label of field course_type</extracomment>
        <translation>Course type</translation>
    </message>
    <message>
        <source>Zielniveau</source>
        <extracomment>Label of field target_level</extracomment>
        <translation>Target level</translation>
    </message>
    <message>
        <source>Träger</source>
        <extracomment>Label of field provider, field organisation_id</extracomment>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Kursbeginn</source>
        <extracomment>Label of field start_on</extracomment>
        <translation>Course start</translation>
    </message>
    <message>
        <source>Erreichtes Niveau</source>
        <extracomment>Label of field level_achieved</extracomment>
        <translation>Level achieved</translation>
    </message>
    <message>
        <source>Notiz</source>
        <extracomment>Label of field note</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Eigene Fallberatung</source>
        <extracomment>Label of field own_consultation</extracomment>
        <translation>Own case consultation</translation>
    </message>
    <message>
        <source>Angefragt am</source>
        <extracomment>Label of field requested_on</extracomment>
        <translation>Requested on</translation>
    </message>
    <message>
        <source>Termin</source>
        <extracomment>Label of field consultation_date</extracomment>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Fachärztin/Facharzt</source>
        <extracomment>Label of field specialist</extracomment>
        <translation>Specialist</translation>
    </message>
    <message>
        <source>Ergebnis der Abklärung</source>
        <extracomment>Label of field assessment_outcome</extracomment>
        <translation>Assessment outcome</translation>
    </message>
    <message>
        <source>Empfehlung</source>
        <extracomment>Label of field recommendation</extracomment>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Nächste Schritte</source>
        <extracomment>Label of field next_steps</extracomment>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>Gruppenangebot</source>
        <extracomment>Label of field group_offering</extracomment>
        <translation>Group offer</translation>
    </message>
    <message>
        <source>Beziehung im Haushalt</source>
        <extracomment>Label of field relationship</extracomment>
        <translation>Relationship in the household</translation>
    </message>
    <message>
        <source>Vergeben</source>
        <extracomment>Label of field taken</extracomment>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Übergeben von</source>
        <extracomment>Label of field handed_over_by</extracomment>
        <translation>Handed over by</translation>
    </message>
    <message>
        <source>Datum des Dokuments</source>
        <extracomment>Label of field dated_on</extracomment>
        <translation>Date of the document</translation>
    </message>
    <message>
        <source>Dateiart</source>
        <extracomment>Label of field media_type</extracomment>
        <translation>File type</translation>
    </message>
    <message>
        <source>Größe</source>
        <extracomment>Label of field size</extracomment>
        <translation>Size</translation>
    </message>
    <message>
        <source>Prüfsumme</source>
        <extracomment>Label of field content_hash</extracomment>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Hinzugefügt von</source>
        <extracomment>Label of field added_by</extracomment>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <extracomment>Label of history area reminder</extracomment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Dokument</source>
        <extracomment>Label of history area document</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>Traumaangebot</source>
        <extracomment>Label of history area trauma_offer</extracomment>
        <translation>Trauma offer</translation>
    </message>
    <message>
        <source>Anfrage Traumaangebot</source>
        <extracomment>Label of history area trauma_placement</extracomment>
        <translation>Trauma offer request</translation>
    </message>
    <message>
        <source>Konflikt</source>
        <extracomment>Label of history area conflict</extracomment>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Einschränkung oder Widerspruch</source>
        <extracomment>Label of history area data_marker</extracomment>
        <translation>Restriction or objection</translation>
    </message>
    <message>
        <source>Begleitete Fälle am Stichtag</source>
        <extracomment>Label of report figure open_at_end</extracomment>
        <translation>Cases supported on the closing day</translation>
    </message>
    <message>
        <source>Neu aufgenommen</source>
        <extracomment>Label of report figure opened, report figure opened</extracomment>
        <translation>Newly admitted</translation>
    </message>
    <message>
        <source>Umzug in eigene Wohnung</source>
        <extracomment>Label of report figure own_flat</extracomment>
        <translation>Moved into own flat</translation>
    </message>
    <message>
        <source>Sprachkurs begonnen</source>
        <extracomment>Label of report figure course_started</extracomment>
        <translation>Language course started</translation>
    </message>
    <message>
        <source>Sprachkurs abgeschlossen</source>
        <extracomment>Label of report figure course_completed</extracomment>
        <translation>Language course completed</translation>
    </message>
    <message>
        <source>Arbeit aufgenommen</source>
        <extracomment>Label of report figure work_started</extracomment>
        <translation>Took up work</translation>
    </message>
    <message>
        <source>Ausbildung begonnen</source>
        <extracomment>Label of report figure training_started</extracomment>
        <translation>Started vocational training</translation>
    </message>
    <message>
        <source>Selbstständig, Begleitung beendet</source>
        <extracomment>Label of report figure independent</extracomment>
        <translation>Independent, support ended</translation>
    </message>
    <message>
        <source>Fälle am Stichtag</source>
        <extracomment>Label of report figure open_at_end</extracomment>
        <translation>Cases on the closing day</translation>
    </message>
    <message>
        <source>ohne Kommune</source>
        <extracomment>Label of report NO_MUNICIPALITY</extracomment>
        <translation>no municipality</translation>
    </message>
    <message>
        <source>ohne Angabe</source>
        <extracomment>Label of report NO_LEVEL</extracomment>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Gesamt</source>
        <extracomment>Label of report TOTAL</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <extracomment>Label of report UNKNOWN_CASEWORKER</extracomment>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Mehrere Wörter verwenden, keine bekannten Sätze.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Use a few words, avoid common phrases.</translation>
    </message>
    <message>
        <source>Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>No need for symbols, digits, or uppercase letters.</translation>
    </message>
    <message>
        <source>Noch ein oder zwei Wörter ergänzen, am besten ungewöhnliche.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Add another word or two. Uncommon words are better.</translation>
    </message>
    <message>
        <source>Tastenreihen sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Straight rows of keys are easy to guess.</translation>
    </message>
    <message>
        <source>Kurze Tastaturmuster sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Short keyboard patterns are easy to guess.</translation>
    </message>
    <message>
        <source>Kein Tastaturmuster verwenden.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Use a longer keyboard pattern with more turns.</translation>
    </message>
    <message>
        <source>Wiederholungen wie „aaa“ sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Repeats like &quot;aaa&quot; are easy to guess.</translation>
    </message>
    <message>
        <source>Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</translation>
    </message>
    <message>
        <source>Keine Wörter oder Zeichen wiederholen.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Avoid repeated words and characters.</translation>
    </message>
    <message>
        <source>Folgen wie „abc“ oder „6543“ sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</translation>
    </message>
    <message>
        <source>Keine Zeichenfolgen verwenden.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Avoid sequences.</translation>
    </message>
    <message>
        <source>Jahreszahlen der letzten Jahre sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Recent years are easy to guess.</translation>
    </message>
    <message>
        <source>Keine aktuellen Jahreszahlen verwenden.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Avoid recent years.</translation>
    </message>
    <message>
        <source>Keine Jahreszahlen aus dem eigenen Leben.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Avoid years that are associated with you.</translation>
    </message>
    <message>
        <source>Daten sind oft leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Dates are often easy to guess.</translation>
    </message>
    <message>
        <source>Keine Daten oder Jahreszahlen aus dem eigenen Leben.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Avoid dates and years that are associated with you.</translation>
    </message>
    <message>
        <source>Das ist eines der zehn häufigsten Passwörter.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>This is a top-10 common password.</translation>
    </message>
    <message>
        <source>Das ist eines der hundert häufigsten Passwörter.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>This is a top-100 common password.</translation>
    </message>
    <message>
        <source>Das ist ein sehr häufiges Passwort.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>This is a very common password.</translation>
    </message>
    <message>
        <source>Das ähnelt einem häufigen Passwort.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>This is similar to a commonly used password.</translation>
    </message>
    <message>
        <source>Ein einzelnes Wort ist leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>A word by itself is easy to guess.</translation>
    </message>
    <message>
        <source>Vor- und Nachnamen allein sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Names and surnames by themselves are easy to guess.</translation>
    </message>
    <message>
        <source>Häufige Vor- und Nachnamen sind leicht zu erraten.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Common names and surnames are easy to guess.</translation>
    </message>
    <message>
        <source>Großschreibung hilft kaum.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Capitalization doesn&apos;t help very much.</translation>
    </message>
    <message>
        <source>Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>All-uppercase is almost as easy to guess as all-lowercase.</translation>
    </message>
    <message>
        <source>Rückwärts geschriebene Wörter helfen kaum.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Reversed words aren&apos;t much harder to guess.</translation>
    </message>
    <message>
        <source>Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen kaum.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</translation>
    </message>
    <message>
        <source>sehr schwach</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>very weak</translation>
    </message>
    <message>
        <source>schwach</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>weak</translation>
    </message>
    <message>
        <source>mäßig</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>fair</translation>
    </message>
    <message>
        <source>stark</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>strong</translation>
    </message>
    <message>
        <source>sehr stark</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>very strong</translation>
    </message>
    <message>
        <source>Mindestens 10 Zeichen.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>At least 10 characters.</translation>
    </message>
    <message>
        <source>Bitte eine Passphrase eingeben.</source>
        <extracomment>Label of passphrase strength</extracomment>
        <translation>Please enter a passphrase.</translation>
    </message>
    <message>
        <source>Wohngruppe</source>
        <extracomment>Label of TraumaOfferKind.RESIDENTIAL_GROUP, field residential_group</extracomment>
        <translation>Residential group</translation>
    </message>
    <message>
        <source>Zweck</source>
        <extracomment>Label of field scope</extracomment>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Empfänger</source>
        <extracomment>Label of field recipient</extracomment>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Gültig bis</source>
        <extracomment>Label of field valid_until</extracomment>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Datum</source>
        <extracomment>Label of field contact_on</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dauer</source>
        <extracomment>Label of field duration_minutes</extracomment>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Lebensbereiche</source>
        <extracomment>Label of field life_areas</extracomment>
        <translation>Life areas</translation>
    </message>
    <message>
        <source>Text</source>
        <extracomment>Label of field text</extracomment>
        <translation>Text</translation>
    </message>
    <message>
        <source>Verfasst von</source>
        <extracomment>Label of field author_id</extracomment>
        <translation>Written by</translation>
    </message>
    <message>
        <source>Erstellt</source>
        <extracomment>Label of field created_at</extracomment>
        <translation>Created</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <extracomment>Label of field resolved</extracomment>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Label of field name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gemeindeschlüssel</source>
        <extracomment>Label of field official_key</extracomment>
        <translation>Municipality code</translation>
    </message>
    <message>
        <source>Team</source>
        <extracomment>Label of field team_id</extracomment>
        <translation>Team</translation>
    </message>
    <message>
        <source>Benutzername</source>
        <extracomment>Label of field username</extracomment>
        <translation>Username</translation>
    </message>
    <message>
        <source>Anzeigename</source>
        <extracomment>Label of field display_name</extracomment>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Rolle</source>
        <extracomment>Label of field role</extracomment>
        <translation>Role</translation>
    </message>
    <message>
        <source>Beschäftigung</source>
        <extracomment>Label of field employment</extracomment>
        <translation>Employment</translation>
    </message>
    <message>
        <source>Beschäftigt seit</source>
        <extracomment>Label of field employment_since</extracomment>
        <translation>Employed since</translation>
    </message>
    <message>
        <source>Kursende</source>
        <extracomment>Label of field completed_on</extracomment>
        <translation>Course end</translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <extracomment>Label of field title</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <source>Datum/Beginn</source>
        <extracomment>Label of field starts_on</extracomment>
        <translation>Date/start</translation>
    </message>
    <message>
        <source>Ort</source>
        <extracomment>Label of field location</extracomment>
        <translation>Location</translation>
    </message>
    <message>
        <source>Plätze</source>
        <extracomment>Label of field capacity</extracomment>
        <translation>Places</translation>
    </message>
    <message>
        <source>Dringend</source>
        <extracomment>Label of field urgent</extracomment>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Dolmetschen</source>
        <extracomment>Label of field interpreter</extracomment>
        <translation>Interpreting</translation>
    </message>
    <message>
        <source>Termin/Angebot</source>
        <extracomment>Label of field offer_id</extracomment>
        <translation>Date/offer</translation>
    </message>
    <message>
        <source>Platz</source>
        <extracomment>Label of field slot</extracomment>
        <translation>Place</translation>
    </message>
    <message>
        <source>Vergeben am</source>
        <extracomment>Label of field assigned_on</extracomment>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <extracomment>Label of history area consent_record</extracomment>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Hilfeplan-Ziel</source>
        <extracomment>Label of history area help_plan_entry</extracomment>
        <translation>Help plan goal</translation>
    </message>
    <message>
        <source>Sprachkurs</source>
        <extracomment>Label of history area course_referral</extracomment>
        <translation>Language course</translation>
    </message>
    <message>
        <source>Traumasprechstunde</source>
        <extracomment>Label of TraumaOfferKind.CONSULTATION, field trauma_referral_id, history area trauma_referral</extracomment>
        <translation>Trauma consultation</translation>
    </message>
    <message>
        <source>Beratungskontakt</source>
        <extracomment>Label of history area contact_note</extracomment>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Kommentar der Teamleitung</source>
        <extracomment>Label of history area review_comment</extracomment>
        <translation>Team lead comment</translation>
    </message>
</context>
<context>
    <name>LanguagesField</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/codes.py" line="72"/>
        <source>z. B. Ukrainisch, Russisch (erste = bevorzugt)</source>
        <translation>e.g. Ukrainian, Russian (first = preferred)</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="21"/>
        <source>Brief an %1</source>
        <translation>Letter to %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="23"/>
        <source>Vorlagen des Landratsamts; Datum, Uhrzeit und Ort werden eingesetzt, wo die Vorlage sie nennt. Der Brief wird in der Akte als Kontakt vermerkt.</source>
        <translation>Templates of the district office; date, time and place are filled in where the template names them. The letter is recorded in the case as a contact.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="27"/>
        <source>Vorlage</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="31"/>
        <source>Datum des Termins</source>
        <translation>Date of the appointment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="32"/>
        <source>Uhrzeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="33"/>
        <source>z. B. 10:30</source>
        <translation>e.g. 10:30</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="35"/>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="37"/>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="38"/>
        <source>Nur Deutsch</source>
        <translation>German only</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="40"/>
        <source>Deutsch und %1</source>
        <translation>German and %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="44"/>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="49"/>
        <source>Noch keine Briefvorlagen: Das Landratsamt legt sie an; der Laptop erhält sie beim nächsten Abgleich.</source>
        <translation>No letter templates yet: the district office adds them; this laptop receives them with the next sync.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="60"/>
        <source>Brief als PDF speichern</source>
        <translation>Save letter as PDF</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/letter.py" line="62"/>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="55"/>
        <source>Caseworker Desktop – %1</source>
        <translation>Caseworker Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="80"/>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="81"/>
        <source>Wiedervorlagen</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="82"/>
        <source>Traumaangebote</source>
        <translation>Trauma offers</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="83"/>
        <source>Ergebnisbericht</source>
        <translation>Outcome report</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="117"/>
        <source>Fehleingabe gelöscht.</source>
        <translation>Mistaken entry deleted.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="153"/>
        <source>Neue Klient:in</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="156"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="159"/>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="356"/>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="163"/>
        <source>Suchen</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="166"/>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="169"/>
        <source>Hilfeplan drucken …</source>
        <translation>Print help plan …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="175"/>
        <source>Kontakt notieren</source>
        <translation>Record contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="178"/>
        <source>Synchronisieren</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="181"/>
        <source>Beim Landratsamt anmelden …</source>
        <translation>Enrol with the district office …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="184"/>
        <source>Fallbestand importieren …</source>
        <translation>Import caseload …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="187"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="189"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="204"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="207"/>
        <source>&amp;Einstellungen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="208"/>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="440"/>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="216"/>
        <source>Automatische Sperre …</source>
        <translation>Automatic lock…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="217"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="218"/>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="459"/>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="220"/>
        <source>Werkzeuge</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="283"/>
        <source>Gerät angemeldet.</source>
        <translation>Device enrolled.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="336"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="337"/>
        <source>Die Stammdaten wurden geändert. Speichern?</source>
        <translation>The personal details have been changed. Save them?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="354"/>
        <source>Rückgängig: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="364"/>
        <source>Hinweis</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="366"/>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="368"/>
        <source>Die Aktion ist fehlgeschlagen. Es wurde nichts halb gespeichert. Details stehen im Protokoll.</source>
        <translation>The action failed. Nothing was partially saved. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="399"/>
        <source>Akten zusammengeführt.</source>
        <translation>Records merged.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="441"/>
        <source>Die Sprache wird beim nächsten Start gewechselt.</source>
        <translation>The language will change the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="447"/>
        <source>Automatische Sperre</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="448"/>
        <source>Sperren nach so vielen Minuten ohne Eingabe:</source>
        <translation>Lock after this many minutes without input:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/main_window.py" line="461"/>
        <source>Strg+N  Neue Klient:in
Strg+K  Kontakt notieren
Strg+S  Speichern
Strg+P  Hilfeplan drucken
Strg+Z  Letzte Änderung rückgängig
Strg+F  Suchen
F5  Synchronisieren
Strg+L  Sperren
Strg+Q  Beenden</source>
        <translation>Ctrl+N  New client
Ctrl+K  Record a contact
Ctrl+S  Save
Ctrl+P  Print help plan
Ctrl+Z  Undo last change
Ctrl+F  Search
F5  Sync
Ctrl+L  Lock
Ctrl+Q  Quit</translation>
    </message>
</context>
<context>
    <name>MarkerDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="21"/>
        <source>alle Daten der Person</source>
        <translation>all of the person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="29"/>
        <source>Einschränken oder als bestritten kennzeichnen</source>
        <translation>Restrict or mark as disputed</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="32"/>
        <source>Eingeschränkte Daten können nur noch gelesen werden, bis die Einschränkung aufgehoben wird. Bestrittene Daten bleiben bearbeitbar und werden überall, auch im Ausdruck, als „bestritten“ gezeigt.</source>
        <translation>Restricted data can only be read until the restriction is lifted. Disputed data stays editable and is shown everywhere, printouts included, as &quot;disputed&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="37"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="38"/>
        <source>Betrifft</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="42"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="43"/>
        <source>z. B. Antrag der Person vom …</source>
        <translation>e.g. the person&apos;s request of …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="44"/>
        <source>Ab</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/marker.py" line="50"/>
        <source>Bitte ein Datum eintragen.</source>
        <translation>Please enter a date.</translation>
    </message>
</context>
<context>
    <name>MarkersBox</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="22"/>
        <source>Einschränkung und Widerspruch</source>
        <translation>Restriction and objection</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="26"/>
        <source>aufgehoben am %1</source>
        <translation>lifted on %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="27"/>
        <source>seit %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="32"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="36"/>
        <source>Betrifft</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="37"/>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="38"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="42"/>
        <source>Kennzeichnen …</source>
        <translation>Mark …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="43"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/markers.py" line="72"/>
        <source>Aufheben</source>
        <translation>Lift</translation>
    </message>
</context>
<context>
    <name>MasterDataTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="71"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="74"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="75"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="76"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="77"/>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="79"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="80"/>
        <source>weiblich</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="81"/>
        <source>männlich</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="82"/>
        <source>divers</source>
        <translation>diverse</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="86"/>
        <source>Staatsangehörigkeit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="88"/>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="90"/>
        <source>Aufenthaltsstatus</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="92"/>
        <source>Einreise</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="94"/>
        <source>Arbeit/Ausbildung</source>
        <translation>Work/training</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="96"/>
        <source>Seit</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="97"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="98"/>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="105"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="109"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="111"/>
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="113"/>
        <source>Wohnform</source>
        <translation>Type of housing</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="116"/>
        <source>Eingezogen am</source>
        <translation>Moved in on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="119"/>
        <source>Eigene Wohnung seit</source>
        <translation>Own flat since</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="123"/>
        <source>Beziehung</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="125"/>
        <source>Beziehung zur Bezugsperson des Haushalts</source>
        <translation>Relationship to the household&apos;s reference person</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="129"/>
        <source>Weitere Mitglieder</source>
        <translation>Other members</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="131"/>
        <source>Weitere Person im Haushalt …</source>
        <translation>Another household member …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="280"/>
        <source>eingeschränkt</source>
        <translation>restricted</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="280"/>
        <source>bestritten</source>
        <translation>disputed</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="154"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="357"/>
        <source>Gespeichert.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="358"/>
        <source>Stammdaten</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/master_data.py" line="371"/>
        <source>Speichert …</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="41"/>
        <source>Akten zusammenführen</source>
        <translation>Merge records</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="48"/>
        <source>Dieselbe Person wurde zweimal angelegt? Eine Akte bleibt, die andere wird als „doppelt angelegt“ abgeschlossen. Ihre Einträge bleiben dort lesbar; es wird nichts gelöscht.</source>
        <translation>Was the same person registered twice? One record stays; the other is closed as &quot;registered twice&quot;. Its entries stay readable there; nothing is deleted.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="66"/>
        <source>Andere Akte</source>
        <translation>Other record</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="68"/>
        <source>diese Akte (%1)</source>
        <translation>this record (%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="71"/>
        <source>die andere Akte</source>
        <translation>the other record</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="80"/>
        <source>Behalten wird</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="85"/>
        <source>Angabe</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="85"/>
        <source>Bleibt</source>
        <translation>Stays</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="85"/>
        <source>Aus der anderen Akte übernehmen</source>
        <translation>Take from the other record</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="109"/>
        <source>Zusammenführen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="131"/>
        <source>die andere Akte (%1)</source>
        <translation>the other record (%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="151"/>
        <source>Die Akte %1 wird als „doppelt angelegt“ abgeschlossen.</source>
        <translation>Record %1 is closed as &quot;registered twice&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="157"/>
        <source>Einwilligungen: %1 Änderung(en) aus der anderen Akte.</source>
        <translation>Consents: %1 change(s) from the other record.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/merge.py" line="163"/>
        <source>Der Vermerk der anderen Akte wird an den der bleibenden angefügt.</source>
        <translation>The other record&apos;s note is appended to the note of the record that stays.</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="45"/>
        <source>Neue Klient:in</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="47"/>
        <source>Weitere Person im Haushalt</source>
        <translation>Another household member</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="49"/>
        <source>Legt Klient:in, Haushalt und einen offenen Fall an.</source>
        <translation>Creates the client, their household and an open case.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="51"/>
        <source>Legt eine weitere Person dieses Haushalts mit eigenem Fall an.</source>
        <translation>Adds another member of this household with a case of their own.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="54"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="55"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="56"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="58"/>
        <source>Staatsangehörigkeit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="60"/>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="62"/>
        <source>Aufenthaltsstatus</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="64"/>
        <source>Einreise</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="65"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="68"/>
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="69"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="72"/>
        <source>Einwilligung Datenverarbeitung am</source>
        <translation>Data processing consent given on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="79"/>
        <source>Beziehung</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="93"/>
        <source>Es ist eine andere Person – trotzdem anlegen</source>
        <translation>This is another person – create anyway</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="27"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="28"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="30"/>
        <source>Dauer</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="33"/>
        <source>Lebensbereiche</source>
        <translation>Life areas</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="34"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="36"/>
        <source>Noch keine Beratungskontakte.
„Kontakt notieren“ hält einen Besuch fest.</source>
        <translation>No contacts yet.
“Record contact” records a visit or call.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="41"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="62"/>
        <source>Kontakt notieren</source>
        <translation>Record contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="44"/>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="46"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="93"/>
        <source>Kontakt bearbeiten</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="107"/>
        <source>Kontakt löschen</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/notes.py" line="107"/>
        <source>Diesen Beratungskontakt löschen?</source>
        <translation>Delete this contact?</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="45"/>
        <source>Termin / Angebot bearbeiten</source>
        <translation>Edit date / service</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="45"/>
        <source>Neuer Termin / Angebot</source>
        <translation>New date / service</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="48"/>
        <source>Sprechstundentermine haben Plätze für einzelne Abklärungen; Gruppenangebot und Wohngruppe Plätze für Teilnehmende. Keine Namen von Klient:innen eintragen.</source>
        <translation>Consultation dates have slots for individual assessments; the group offering and the residential group have places for participants. Do not enter client names.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="52"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="56"/>
        <source>Datum / Beginn</source>
        <translation>Date / start</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="58"/>
        <source>Bezeichnung</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="59"/>
        <source>Fachärztin/Facharzt</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="60"/>
        <source>Ort</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="61"/>
        <source>Plätze</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="64"/>
        <source>Erster Termin um</source>
        <translation>First appointment at</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="67"/>
        <source>Dauer je Termin</source>
        <translation>Length of each appointment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="70"/>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="75"/>
        <source>Hinweis</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="95"/>
        <source>optional, z. B. Sprechstunde Dezember</source>
        <translation>optional, e.g. December consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="97"/>
        <source>z. B. Stabilisierungsgruppe Frauen</source>
        <translation>e.g. stabilisation group for women</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="103"/>
        <source>Bitte das Datum eingeben (TT.MM.JJJJ).</source>
        <translation>Please enter the date (DD.MM.YYYY).</translation>
    </message>
</context>
<context>
    <name>OutcomeCharts</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report_charts.py" line="34"/>
        <source>keine</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>OwnConsultationDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="167"/>
        <source>Eigene Fallberatung anfragen</source>
        <translation>Request own case consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="170"/>
        <source>Fallberatung für Sie selbst in der monatlichen Traumasprechstunde, ohne Angaben zu Klient:innen. Die Anfrage kommt auf die Warteliste; die Koordination vergibt den Termin.</source>
        <translation>Case consultation for yourself in the monthly trauma consultation, without client details. The request goes on the waiting list; the coordinator assigns the date.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="175"/>
        <source>Anfragen</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="176"/>
        <source>Angefragt am</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="182"/>
        <source>Bitte das Datum eingeben (TT.MM.JJJJ).</source>
        <translation>Please enter the date (DD.MM.YYYY).</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="203"/>
        <source>Passphrase festlegen</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="206"/>
        <source>Mindestens %1 Zeichen, schwer zu erraten. Ein Satz aus mehreren ungewöhnlichen Wörtern ist gut merkbar.</source>
        <translation>At least %1 characters, hard to guess. A sentence of several unusual words is easy to remember.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="222"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="224"/>
        <source>Wiederholen</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="238"/>
        <source>Die Eingaben stimmen nicht überein.</source>
        <translation>The entries do not match.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="246"/>
        <source>Stärke: %1</source>
        <translation>Strength: %1</translation>
    </message>
</context>
<context>
    <name>PlacementRequestDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="191"/>
        <source>Platz anfragen</source>
        <translation>Request a place</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="194"/>
        <source>Die Anfrage geht mit dem Aktenzeichen (ohne Namen) an die Koordination der Traumaangebote und kommt auf deren Warteliste.</source>
        <translation>The request goes to the trauma services coordinator with the case reference (no names) and is put on their waiting list.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="198"/>
        <source>Anfragen</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="199"/>
        <source>Angebot</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="202"/>
        <source>Dringend</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="203"/>
        <source>Dolmetschung</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="204"/>
        <source>Sprachkürzel, z. B. uk, ar, fa; leer: keine</source>
        <translation>Language code, e.g. uk, ar, fa; empty: none</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/planning.py" line="212"/>
        <source>Bitte ein Sprachkürzel mit 2 Buchstaben eingeben.</source>
        <translation>Please enter a two-letter language code.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="160"/>
        <source>Hilfeplan bearbeiten</source>
        <translation>Edit help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="160"/>
        <source>Neuer Hilfeplan</source>
        <translation>New help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="163"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="166"/>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="171"/>
        <source>Nächste Fortschreibung</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/records.py" line="181"/>
        <source>Datum fehlt.</source>
        <translation>Date is missing.</translation>
    </message>
</context>
<context>
    <name>PlanPrinter</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="93"/>
        <source>Hilfeplan als PDF speichern</source>
        <translation>Save help plan as PDF</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="95"/>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="124"/>
        <source>PDF gespeichert: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="133"/>
        <source>Druckvorschau – Hilfeplan</source>
        <translation>Print preview – help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="147"/>
        <source>Hilfeplan an den Drucker gesendet.</source>
        <translation>Help plan sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="157"/>
        <source>Hilfeplan drucken</source>
        <translation>Print help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/printing.py" line="179"/>
        <source>Der Hilfeplan konnte nicht gedruckt werden.</source>
        <translation>The help plan could not be printed.</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="31"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="32"/>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="33"/>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="34"/>
        <source>Fällig</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="35"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="82"/>
        <source>🔒 Vertraulich (Traumasprechstunde)</source>
        <translation>🔒 Confidential (trauma consultation)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="94"/>
        <source>Aus der Traumasprechstunde übernommen: Doppelklick zeigt den Inhalt an (wird protokolliert).</source>
        <translation>Carried over from the trauma consultation: double-click shows the content (this is logged).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/plan_tree.py" line="110"/>
        <source>Noch keine Ziele – mit „Ziel hinzufügen“ beginnen.</source>
        <translation>No goals yet – start with “Add goal”.</translation>
    </message>
</context>
<context>
    <name>PlanningColumns</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="51"/>
        <source>überbucht (+%1)</source>
        <translation>overbooked (+%1)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="61"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="63"/>
        <source>Datum / Beginn</source>
        <translation>Date / start</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="70"/>
        <source>Fachärztin/Facharzt bzw. Angebot</source>
        <translation>Specialist or service</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="76"/>
        <source>Ort</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="79"/>
        <source>Plätze</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="89"/>
        <source>Vergeben</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="97"/>
        <source>Frei</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="109"/>
        <source>Termin</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="111"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="167"/>
        <source>Aktenzeichen</source>
        <translation>Case reference</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="112"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="122"/>
        <source>Eigene Fallberatung</source>
        <translation>Own case consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="115"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="168"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="116"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="148"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="117"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="169"/>
        <source>Dolmetschung</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="131"/>
        <source>1 Tag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="131"/>
        <source>%1 Tage</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="144"/>
        <source>Angebot</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="145"/>
        <source>Für</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="137"/>
        <source>Angefragt am</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="153"/>
        <source>Termin / Platz</source>
        <translation>Appointment / place</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="157"/>
        <source>Dringend</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="158"/>
        <source>dringend</source>
        <translation>urgent</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="165"/>
        <source>Wartet seit</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="180"/>
        <source>%1 am %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning_columns.py" line="193"/>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="93"/>
        <source>Traumaangebote des Kreises</source>
        <translation>The district&apos;s trauma services</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="99"/>
        <source>Monatliche Traumasprechstunde, begleitetes Gruppenangebot und Wohngruppe. Die Koordination vergibt Termine und Plätze; Anfragen tragen nur das Aktenzeichen.</source>
        <translation>Monthly trauma consultation, supervised group offering and residential group. The coordinator assigns dates and places; requests carry only the case reference.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="130"/>
        <source>Vergangene Termine anzeigen</source>
        <translation>Show past dates</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="135"/>
        <source>Neuer Termin / Angebot …</source>
        <translation>New date / service …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="138"/>
        <source>Bearbeiten …</source>
        <translation>Edit …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="141"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="399"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="158"/>
        <source>Die kommenden Termine und Angebote mit den freien Plätzen (Stand der letzten Synchronisation). Die Plätze vergibt die Koordination; Ihre Anfragen stehen unten.</source>
        <translation>The coming dates and offers with their free places (as of the last sync). The coordinator assigns the places; your requests are below.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="166"/>
        <source>Termine und Angebote</source>
        <translation>Dates and services</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="416"/>
        <source>Eigene Fallberatung</source>
        <translation>Own case consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="183"/>
        <source>Platz vergeben …</source>
        <translation>Assign a place …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="190"/>
        <source>Angebot:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="194"/>
        <source>Warteliste (dringende zuerst, dann nach Anfragedatum)</source>
        <translation>Waiting list (urgent first, then by request date)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="206"/>
        <source>Zurücknehmen</source>
        <translation>Take back</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="208"/>
        <source>Die Anfrage kommt zurück auf die Warteliste.</source>
        <translation>The request goes back on the waiting list.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="210"/>
        <source>Wahrgenommen</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="213"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="343"/>
        <source>Bitte oben einen Termin wählen.</source>
        <translation>Please choose a date above.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="215"/>
        <source>Vergebene Plätze</source>
        <translation>Assigned places</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="234"/>
        <source>Eigene Fallberatung anfragen …</source>
        <translation>Request own case consultation …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="237"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="468"/>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="474"/>
        <source>Anfrage zurückziehen</source>
        <translation>Withdraw request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="242"/>
        <source>Noch keine Anfragen. Für Klient:innen fragen Sie in der Fallakte (Reiter Traumasprechstunde) an.</source>
        <translation>No requests yet. For clients, request in the client file (Trauma consultation tab).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="247"/>
        <source>Meine Anfragen</source>
        <translation>My requests</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="330"/>
        <source>Niemand wartet auf einen Platz.</source>
        <translation>Nobody is waiting for a place.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="351"/>
        <source>%1 von %2 Plätzen vergeben</source>
        <translation>%1 of %2 places assigned</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="400"/>
        <source>„%1“ entfernen?</source>
        <translation>Remove “%1”?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="415"/>
        <source>Anfrage %1 von %2, angefragt am %3.</source>
        <translation>Request %1 by %2, requested on %3.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="422"/>
        <source>Dringend.</source>
        <translation>Urgent.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="469"/>
        <source>Diese Anfrage ist bereits erledigt.</source>
        <translation>This request is already settled.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="475"/>
        <source>Die Anfrage zurückziehen? Ein vergebener Platz wird frei.</source>
        <translation>Withdraw the request? An assigned place becomes free.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/planning.py" line="490"/>
        <source>Traumaangebote</source>
        <translation>Trauma offers</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="33"/>
        <source>Dokument: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="51"/>
        <source>◀ Vorige Seite</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="53"/>
        <source>Nächste Seite ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="62"/>
        <source>Mit Standardprogramm öffnen</source>
        <translation>Open with default program</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="66"/>
        <source>Öffnet eine vorübergehende Kopie; sie wird beim Sperren, beim Beenden und spätestens nach 10 Minuten gelöscht.</source>
        <translation>Opens a temporary copy; it is deleted on locking, on quitting and after 10 minutes at the latest.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="71"/>
        <source>Kopie speichern …</source>
        <translation>Save a copy …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="74"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="102"/>
        <source>Seite %1 von %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="112"/>
        <source>Für diese Datei gibt es keine Vorschau (beschädigt oder ein Format, das hier nicht dargestellt wird). „Mit Standardprogramm öffnen“ versuchen.</source>
        <translation>There is no preview for this file (damaged, or a format not shown here). Try &quot;Open with default program&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="130"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="137"/>
        <source>Öffnen nicht möglich</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="131"/>
        <source>Die vorübergehende Kopie konnte nicht angelegt werden.</source>
        <translation>The temporary copy could not be created.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="138"/>
        <source>Für diese Dateiart ist kein Programm eingerichtet.</source>
        <translation>No program is set up for this file type.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="146"/>
        <source>Kopie speichern</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/document_preview.py" line="153"/>
        <source>Speichern fehlgeschlagen</source>
        <translation>Saving failed</translation>
    </message>
</context>
<context>
    <name>PrintPlanDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="28"/>
        <source>Hilfeplan drucken</source>
        <translation>Print help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="34"/>
        <source>Nur Deutsch</source>
        <translation>German only</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="36"/>
        <source>Deutsch und %1</source>
        <translation>German and %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="39"/>
        <source>Beschriftung</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="40"/>
        <source>Angaben der Traumasprechstunde aufnehmen (vertraulich)</source>
        <translation>Include trauma consultation details (confidential)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="46"/>
        <source>Jeder Ausdruck wird im Verlauf protokolliert.</source>
        <translation>Every printout is recorded in the history.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="52"/>
        <source>Vorschau …</source>
        <translation>Preview …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="55"/>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/print_plan.py" line="58"/>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="28"/>
        <source>Passphrase vergessen</source>
        <translation>Forgotten passphrase</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="33"/>
        <source>&lt;p&gt;Rufen Sie Ihre Teamleitung oder die Administration des Landratsamts an. Sie erhalten einen &lt;b&gt;Wiederherstellungscode&lt;/b&gt; für dieses Gerät (einmal verwendbar, 24 Stunden gültig). Dafür braucht der Laptop eine Verbindung zum Landratsamt.&lt;/p&gt;&lt;p&gt;Danach gilt nur noch die neue Passphrase: Die Falldatei bekommt einen neuen Schlüssel, alte Sicherungen werden ersetzt.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Call your team lead or the district office&apos;s administration. You receive a &lt;b&gt;recovery code&lt;/b&gt; for this device (usable once, valid for 24 hours). The laptop needs a connection to the district office for this.&lt;/p&gt;&lt;p&gt;Afterwards only the new passphrase works: the case file gets a new key, old backups are replaced.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="52"/>
        <source>Server des Landratsamts</source>
        <translation>District office server</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="53"/>
        <source>Wiederherstellungscode</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="58"/>
        <source>Neue Passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="60"/>
        <source>Wiederholen</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="64"/>
        <source>Verbindung zum Landratsamt, neuer Schlüssel …</source>
        <translation>Connecting to the district office, new key …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="67"/>
        <source>Zugang wiederherstellen</source>
        <translation>Restore access</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/recovery.py" line="69"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="49"/>
        <source>Nicht übernommen</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="54"/>
        <source>Diese Änderungen hat das Landratsamt nicht übernommen. Was an eine andere Fachkraft übergeben wurde, liegt dort zur Übernahme bereit; alles andere steht nur noch hier – bitte prüfen und bei Bedarf neu eingeben.</source>
        <translation>The district office did not accept these changes. What was handed over to another caseworker waits there to be taken over; everything else exists only here – please check it and enter it again if needed.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="63"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="95"/>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="64"/>
        <source>Akte</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="65"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="96"/>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="66"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="97"/>
        <source>Angabe</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="67"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="98"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="68"/>
        <source>Grund / Verbleib</source>
        <translation>Reason / where it went</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="78"/>
        <source>(nicht mehr auf diesem Gerät)</source>
        <translation>(no longer on this device)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="79"/>
        <source>An %1 übergeben</source>
        <translation>Handed over to %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="91"/>
        <source>&lt;b&gt;Vom Landratsamt empfangen, auf diesem Gerät nicht lesbar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Received from the district office, not readable on this device&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="99"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="116"/>
        <source>Gelesen – aus der Liste entfernen</source>
        <translation>Read – remove from the list</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/refused.py" line="120"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReleaseFields</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="104"/>
        <source>gültig bis %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="106"/>
        <source>gültig bis zum Widerruf</source>
        <translation>valid until withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="109"/>
        <source>✓ Liegt vor: erteilt am %1, %2.</source>
        <translation>✓ On record: given on %1, %2.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="115"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="119"/>
        <source>Schweigepflichtentbindung</source>
        <translation>Release from confidentiality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="120"/>
        <source>für „%1“ jetzt unterschrieben</source>
        <translation>for “%1” signed now</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="123"/>
        <source>Unterschrieben am</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="124"/>
        <source>Gültig bis</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="139"/>
        <source>Bitte das Datum der Unterschrift eintragen.</source>
        <translation>Please enter the date of the signature.</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/reminder.py" line="16"/>
        <source>Wiedervorlage für %1</source>
        <translation>Follow-up for %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/reminder.py" line="19"/>
        <source>Erscheint an diesem Tag unter „Wiedervorlagen“; Termine auch in der Kalenderdatei (ohne den Text, außer mit Namen).</source>
        <translation>Appears on that day under “Follow-ups”; also in the calendar file (without the text, unless with names).</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/reminder.py" line="23"/>
        <source>Am</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/reminder.py" line="24"/>
        <source>Was ist zu tun?</source>
        <translation>What is to be done?</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/reminder.py" line="32"/>
        <source>Datum fehlt.</source>
        <translation>Date missing.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report_period.py" line="19"/>
        <source>Letzter Monat</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report_period.py" line="20"/>
        <source>Letztes Quartal</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report_period.py" line="21"/>
        <source>Laufendes Jahr</source>
        <translation>Current year</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report_period.py" line="22"/>
        <source>Letztes Jahr</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report_period.py" line="23"/>
        <source>Eigener Zeitraum</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="55"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="56"/>
        <source>Eigene Fälle</source>
        <translation>Own cases</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/models/figures.py" line="30"/>
        <source>Fachkraft %1</source>
        <translation>Caseworker %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="82"/>
        <source>Quartal …</source>
        <translation>Quarter …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="95"/>
        <source>Namen der Fachkräfte anzeigen</source>
        <translation>Show caseworkers&apos; names</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="99"/>
        <source>Ohne Haken erscheinen die Fachkräfte als „Fachkraft 1“, „Fachkraft 2“ … – auch im Export.</source>
        <translation>Unticked, caseworkers appear as “Caseworker 1”, “Caseworker 2” … – in the export too.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="104"/>
        <source>Als CSV exportieren …</source>
        <translation>Export as CSV …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="107"/>
        <source>Als PDF exportieren …</source>
        <translation>Export as PDF …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="111"/>
        <source>Im Export erscheinen die Zahlen 1 und 2 als „&lt; 3“: an einer kleinen Zahl soll niemand zu erkennen sein.</source>
        <translation>In the export the numbers 1 and 2 appear as &quot;&lt; 3&quot;: nobody should be recognisable by a small number.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="119"/>
        <source>Zeitraum:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="121"/>
        <source>von</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="123"/>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="127"/>
        <source>Kommunen:</source>
        <translation>Municipalities:</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="143"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="146"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="146"/>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="375"/>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="149"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="155"/>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="164"/>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="398"/>
        <source>Keine Fälle im Zeitraum</source>
        <translation>No cases in the period</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="172"/>
        <source>Kennzahlen nach Kommune</source>
        <translation>Figures by municipality</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="174"/>
        <source>Wichtigste Ergebnisse</source>
        <translation>Main outcomes</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="182"/>
        <source>Erreichtes Sprachniveau (abgeschlossene Kurse)</source>
        <translation>Language level reached (completed courses)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="189"/>
        <source>Fallzahl je Fachkraft</source>
        <translation>Caseload per caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/municipalities.py" line="47"/>
        <location filename="../../src/caseworker_desktop/ui/widgets/municipalities.py" line="83"/>
        <source>Alle Kommunen</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/widgets/municipalities.py" line="87"/>
        <source>%1 Kommunen</source>
        <translation>%1 municipalities</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="301"/>
        <source>Bitte Beginn und Ende des Zeitraums als TT.MM.JJJJ eingeben.</source>
        <translation>Please enter the start and end of the period as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="304"/>
        <source>Das Ende des Zeitraums liegt vor seinem Beginn.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="313"/>
        <source>Wird berechnet …</source>
        <translation>Calculating …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="390"/>
        <source>alle Kommunen</source>
        <translation>all municipalities</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="421"/>
        <source>Ergebnisbericht als CSV exportieren</source>
        <translation>Export outcome report as CSV</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="422"/>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="424"/>
        <source>Ergebnisbericht als PDF exportieren</source>
        <translation>Export outcome report as PDF</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="425"/>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="427"/>
        <source>mit Namen der Fachkräfte</source>
        <translation>with caseworkers&apos; names</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="443"/>
        <source>Wird exportiert …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="449"/>
        <source>Export mit Namen</source>
        <translation>Export with names</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="451"/>
        <source>Der Export enthält die Namen der Fachkräfte. Mit Namen exportieren?

Ohne Namen: den Haken bei „Namen der Fachkräfte anzeigen“ entfernen.</source>
        <translation>The export contains the caseworkers&apos; names. Export with names?

Without names: untick “Show caseworkers&apos; names”.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="460"/>
        <source>Ergebnisbericht gespeichert: %1</source>
        <translation>Outcome report saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/report.py" line="470"/>
        <source>Export fehlgeschlagen: %1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="37"/>
        <source>täglich</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="38"/>
        <source>von Hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="39"/>
        <source>vor einem Update</source>
        <translation>before an update</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="44"/>
        <source>Sicherung vom %1</source>
        <translation>Backup of %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="54"/>
        <source>Sicherung zurückspielen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="59"/>
        <source>&lt;p&gt;Die Sicherung ersetzt die Falldatei dieses Profils. Die jetzige Falldatei bleibt als Kopie im Profilordner (&lt;i&gt;replaced-…&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;Was seit der Sicherung an das Landratsamt übertragen wurde, kommt mit dem nächsten Abgleich zurück. Was nur auf diesem Gerät gespeichert war, fehlt.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The backup replaces this profile&apos;s case file. The current case file stays as a copy in the profile folder (&lt;i&gt;replaced-…&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;What was sent to the district office since the backup comes back with the next sync. What was only saved on this device is missing.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="73"/>
        <source>Andere Datei …</source>
        <translation>Other file …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="79"/>
        <source>Sicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="83"/>
        <source>Passphrase der Sicherung</source>
        <translation>Passphrase of the backup</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="86"/>
        <source>Sicherung wird gelesen und geprüft …</source>
        <translation>Reading and checking the backup …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="89"/>
        <source>Zurückspielen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="91"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="103"/>
        <source>Sicherung wählen</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/restore.py" line="105"/>
        <source>Sicherungen (*%1 *%2)</source>
        <translation>Backups (*%1 *%2)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="51"/>
        <source>Kommentieren …</source>
        <translation>Comment …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="53"/>
        <source>Einen Kommentar für die Fachkraft schreiben</source>
        <translation>Write a comment for the caseworker</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="78"/>
        <source>Kommentare der Teamleitung</source>
        <translation>Team lead comments</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="80"/>
        <source>%1 offen</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="83"/>
        <source>alle erledigt</source>
        <translation>all done</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="86"/>
        <source>noch keine</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="106"/>
        <source>Teamleitung</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="109"/>
        <source>zum Hilfeplan</source>
        <translation>on the help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="111"/>
        <source>zu einem früheren Hilfeplan</source>
        <translation>on an earlier help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="113"/>
        <source>zum Fall</source>
        <translation>on the case</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="128"/>
        <source>✓ erledigt</source>
        <translation>✓ done</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="132"/>
        <source>Erledigt</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/review.py" line="134"/>
        <source>Als erledigt markieren</source>
        <translation>Mark as done</translation>
    </message>
</context>
<context>
    <name>Slot</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/i18n.py" line="96"/>
        <source>%1 Uhr</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/i18n.py" line="97"/>
        <source>Platz %1</source>
        <translation>Place %1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/status_bar.py" line="17"/>
        <source>● Offline – kein Server eingerichtet</source>
        <translation>● Offline – no server set up</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/status_bar.py" line="22"/>
        <source>Arbeitet …</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/status_bar.py" line="47"/>
        <source>Wiedervorlagen: %1 überfällig, %2 heute</source>
        <translation>Follow-ups: %1 overdue, %2 today</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/status_bar.py" line="54"/>
        <source>Alle Änderungen gesendet</source>
        <translation>All changes sent</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/status_bar.py" line="56"/>
        <source>1 ungesendete Änderung</source>
        <translation>1 unsent change</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/status_bar.py" line="58"/>
        <source>%1 ungesendete Änderungen</source>
        <translation>%1 unsent changes</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="55"/>
        <source>● Offline – nicht beim Landratsamt angemeldet</source>
        <translation>● Offline – not enrolled with the district office</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="65"/>
        <source>● Synchronisiert …</source>
        <translation>● Syncing …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="72"/>
        <source>● Online – zuletzt synchronisiert %1</source>
        <translation>● Online – last synced %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="76"/>
        <source> – Protokoll verändert!</source>
        <translation> – audit trail altered!</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="79"/>
        <source> – Uhr des Geräts weicht ab</source>
        <translation> – device clock is off</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="97"/>
        <source>● Offline – Server nicht erreichbar</source>
        <translation>● Offline – server not reachable</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="101"/>
        <source>● Gerät gesperrt – bitte Teamleitung fragen</source>
        <translation>● Device revoked – please ask your team lead</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="104"/>
        <source>● Uhr des Geräts geht vor – bitte korrigieren</source>
        <translation>● Device clock is ahead – please correct it</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="109"/>
        <source>● Programm veraltet – bitte aktualisieren</source>
        <translation>● Program outdated – please update</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_controller.py" line="112"/>
        <source>● Synchronisation fehlgeschlagen</source>
        <translation>● Sync failed</translation>
    </message>
</context>
<context>
    <name>SyncInbox</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_inbox.py" line="50"/>
        <source>⚠ %1 Konflikt(e) lösen</source>
        <translation>⚠ Resolve %1 conflict(s)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/sync_inbox.py" line="55"/>
        <source>⚠ %1 nicht übernommen</source>
        <translation>⚠ %1 not accepted</translation>
    </message>
</context>
<context>
    <name>TraumaReferralDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="205"/>
        <source>Traumasprechstunde</source>
        <translation>Trauma consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="207"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="210"/>
        <source>Schweigepflichtentbindung liegt vor</source>
        <translation>Confidentiality release on file</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="215"/>
        <source>Termin der Sprechstunde</source>
        <translation>Consultation date</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="218"/>
        <source>Fachärztin/Facharzt</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="221"/>
        <source>Ergebnis der Abklärung</source>
        <translation>Assessment outcome</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="224"/>
        <source>Empfehlung</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="227"/>
        <source>Nächste Schritte</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="230"/>
        <source>Gruppenangebot</source>
        <translation>Group offer</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="234"/>
        <source>Wohngruppe</source>
        <translation>Residential group</translation>
    </message>
</context>
<context>
    <name>TraumaRequestDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="156"/>
        <source>Traumasprechstunde anfragen</source>
        <translation>Request trauma consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="159"/>
        <source>Einmalige Abklärung durch eine Fachärztin oder einen Facharzt in der monatlichen Sprechstunde des Kreises. Ohne Schweigepflichtentbindung wird kein Termin vergeben.</source>
        <translation>One-off assessment by a specialist doctor in the district&apos;s monthly consultation hour. No appointment is given without a confidentiality release.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="164"/>
        <source>Anlass</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="166"/>
        <source>z. B. Schlafstörungen und Albträume seit der Flucht, Rückzug</source>
        <translation>e.g. sleep problems and nightmares since the flight, withdrawal</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="171"/>
        <source>Dringlichkeit</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="171"/>
        <source>dringend (vorrangig einplanen)</source>
        <translation>urgent (plan first)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="175"/>
        <source>Dolmetschung</source>
        <translation>Interpreting</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="176"/>
        <source>keine Dolmetschung nötig</source>
        <translation>no interpreter needed</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="180"/>
        <source>Angefragt am</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/referrals.py" line="190"/>
        <source>Bitte eine Sprache aus der Liste wählen.</source>
        <translation>Please choose a language from the list.</translation>
    </message>
</context>
<context>
    <name>TraumaTab</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="35"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="55"/>
        <source>Gruppe</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="41"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="56"/>
        <source>Wohngruppe</source>
        <translation>Residential group</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="54"/>
        <source>Sprechstunde</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="65"/>
        <source>Warteliste seit %1</source>
        <translation>Waiting list since %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="69"/>
        <source>Anfrage zurückgezogen</source>
        <translation>Request withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="75"/>
        <source>wahrgenommen am %1</source>
        <translation>attended on %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="79"/>
        <source>%1 am %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="84"/>
        <source>bei %1</source>
        <translation>with %1</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="89"/>
        <source>Platz %1 ab %2</source>
        <translation>Place %1 from %2</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="102"/>
        <source>Angefragt</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="105"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="107"/>
        <source>Eigene Fallberatung</source>
        <translation>Own case consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="109"/>
        <source>Abklärung Klient:in</source>
        <translation>Client assessment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="113"/>
        <source>Termin</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="114"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="116"/>
        <source>Warteliste / Platz</source>
        <translation>Waiting list / place</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="122"/>
        <source>Gruppe / Wohngruppe</source>
        <translation>Group / residential group</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="127"/>
        <source>Empfehlung</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="133"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="212"/>
        <source>Keine Anfrage an die Traumasprechstunde.</source>
        <translation>No trauma consultation requests.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="148"/>
        <source>Anzeigen (wird protokolliert)</source>
        <translation>Show (will be logged)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="151"/>
        <source>Sprechstunde anfragen</source>
        <translation>Request consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="154"/>
        <source>Termin / Ergebnis …</source>
        <translation>Appointment / outcome…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="156"/>
        <source>Empfehlung in den Hilfeplan übernehmen</source>
        <translation>Add recommendation to help plan</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="159"/>
        <source>Gruppe / Wohngruppe anfragen …</source>
        <translation>Request group / residential group …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="162"/>
        <source>Platz im Gruppenangebot oder in der Wohngruppe (Warteliste der Koordination)</source>
        <translation>Place in the group offering or the residential group (the coordinator&apos;s waiting list)</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="165"/>
        <source>Anfrage zurückziehen …</source>
        <translation>Withdraw request …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="179"/>
        <source>Inhalt verborgen. „Anzeigen“ öffnet ihn; das wird protokolliert.</source>
        <translation>Content hidden. “Show” reveals it; this is logged.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="193"/>
        <source>&lt;b&gt;Vertraulich.&lt;/b&gt; Nur die zuständige Fachkraft und ihre Teamleitung sehen diesen Bereich; jede Ansicht wird im Verlauf protokolliert. Vorgänge zu diesem Fall: %1.</source>
        <translation>&lt;b&gt;Confidential.&lt;/b&gt; Only the responsible caseworker and their team lead can see this section; every view is logged in the history. Referrals for this case: %1.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="224"/>
        <source>Traumasprechstunde</source>
        <translation>Trauma consultation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="273"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="284"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="293"/>
        <source>Traumaangebote</source>
        <translation>Trauma offers</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="273"/>
        <source>Bitte zuerst eine Anfrage wählen.</source>
        <translation>Please choose a request first.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="285"/>
        <source>Gruppe und Wohngruppe gibt es nur für Klient:innen.</source>
        <translation>The group and the residential group are for clients only.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="294"/>
        <source>Für beide Angebote gibt es schon eine offene Anfrage.</source>
        <translation>There is already an open request for both services.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="320"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="341"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="353"/>
        <source>Anfrage zurückziehen</source>
        <translation>Withdraw request</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="321"/>
        <source>Zu dieser Anfrage wartet nichts auf einen Termin oder Platz.</source>
        <translation>Nothing of this request is waiting for a date or place.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="342"/>
        <source>„%1“ zurückziehen? Ein vergebener Platz wird frei.</source>
        <translation>Withdraw “%1”? An assigned place becomes free.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="376"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="383"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="392"/>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="396"/>
        <source>Empfehlung übernehmen</source>
        <translation>Add recommendation</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="377"/>
        <source>Bitte zuerst einen Hilfeplan anlegen.</source>
        <translation>Please create a help plan first.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/views/tabs/trauma.py" line="384"/>
        <source>Die Abklärung ist noch nicht erfolgt.</source>
        <translation>The assessment has not taken place yet.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="38"/>
        <source>Caseworker Desktop – Entsperren</source>
        <translation>Caseworker Desktop – Unlock</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="41"/>
        <source>&lt;h2&gt;Falldatei entsperren&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Unlock case file&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="48"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="52"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="55"/>
        <source>Schlüssel wird abgeleitet …</source>
        <translation>Deriving key…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="58"/>
        <source>Entsperren</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="61"/>
        <source>Andere Falldatei …</source>
        <translation>Other case file…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="62"/>
        <source>Neues Profil …</source>
        <translation>New profile…</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="63"/>
        <source>Passphrase vergessen …</source>
        <translation>Forgot passphrase …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="64"/>
        <source>Sicherung zurückspielen …</source>
        <translation>Restore backup …</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="80"/>
        <source>Profilordner wählen</source>
        <translation>Choose profile folder</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="87"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="93"/>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="99"/>
        <source>Bitte zuerst ein Profil wählen oder anlegen.</source>
        <translation>Please choose or create a profile first.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/unlock.py" line="102"/>
        <source>Bitte die Passphrase eingeben.</source>
        <translation>Please enter the passphrase.</translation>
    </message>
</context>
<context>
    <name>Value</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/i18n.py" line="66"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/i18n.py" line="67"/>
        <source>Nein</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="70"/>
        <source>Einwilligung widerrufen</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="72"/>
        <source>%1, erteilt am %2. Ab dem Widerruf geht nichts mehr an diese Stelle.</source>
        <translation>%1, given on %2. From the withdrawal on, nothing more goes to this body.</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="76"/>
        <source>Widerrufen</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="77"/>
        <source>Widerrufen am</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <location filename="../../src/caseworker_desktop/ui/dialogs/consent.py" line="84"/>
        <source>Bitte das Datum des Widerrufs eintragen.</source>
        <translation>Please enter the date of the withdrawal.</translation>
    </message>
</context>
</TS>
