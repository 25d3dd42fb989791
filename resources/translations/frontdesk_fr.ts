<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
<context>
    <name>AccessRequestActions</name>
    <message>
        <source>Actions on the selected request</source>
        <translation>Actions sur la demande choisie</translation>
    </message>
    <message>
        <source>Client file number:</source>
        <translation>Numéro de dossier du client&#xa0;:</translation>
    </message>
    <message>
        <source>Identity verified by:</source>
        <translation>Identité vérifiée par&#xa0;:</translation>
    </message>
    <message>
        <source>Answer sent:</source>
        <translation>Réponse transmise&#xa0;:</translation>
    </message>
    <message>
        <source>Reason for refusing:</source>
        <translation>Motif du refus&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. 000123</source>
        <translation>p. ex. 000123</translation>
    </message>
    <message>
        <source>File number of the client the request concerns</source>
        <translation>Numéro du dossier du client que la demande concerne</translation>
    </message>
    <message>
        <source>&amp;Match to this file</source>
        <translation>&amp;Associer à ce dossier</translation>
    </message>
    <message>
        <source>e.g. driver&apos;s licence shown at the desk</source>
        <translation>p. ex. permis de conduire présenté au comptoir</translation>
    </message>
    <message>
        <source>How the requester&apos;s identity was verified</source>
        <translation>Façon dont l&apos;identité du demandeur a été vérifiée</translation>
    </message>
    <message>
        <source>Identity &amp;verified</source>
        <translation>Identité &amp;vérifiée</translation>
    </message>
    <message>
        <source>Also save the evidence pack&apos;s PDF…</source>
        <translation>Enregistrer aussi le PDF de la preuve du dossier…</translation>
    </message>
    <message>
        <source>Record the &amp;answer…</source>
        <translation>Consigner la &amp;réponse…</translation>
    </message>
    <message>
        <source>Why the request is refused</source>
        <translation>Pourquoi la demande est refusée</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>Re&amp;fuser…</translation>
    </message>
</context>
<context>
    <name>AccessRequestDialog</name>
    <message>
        <source>Log an access or rectification request</source>
        <translation>Consigner une demande d&apos;accès ou de rectification</translation>
    </message>
    <message>
        <source>Request as received</source>
        <translation>Demande telle que reçue</translation>
    </message>
    <message>
        <source>Client file it concerns (if known)</source>
        <translation>Dossier client qu&apos;elle concerne (s&apos;il est connu)</translation>
    </message>
    <message>
        <source>Kind of request: {kind}</source>
        <translation>Type de demande&#xa0;: {kind}</translation>
    </message>
    <message>
        <source>Received by: {channel}</source>
        <translation>Reçue par&#xa0;: {channel}</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>Reçue par&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation>&amp;Date de réception&#xa0;:</translation>
    </message>
    <message>
        <source>Requester&apos;s &amp;name:</source>
        <translation>&amp;Nom du demandeur&#xa0;:</translation>
    </message>
    <message>
        <source>How to &amp;reach them:</source>
        <translation>Pour le &amp;joindre&#xa0;:</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>No&amp;te&#xa0;:</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Date de réception</translation>
    </message>
    <message>
        <source>Requester&apos;s name, as given</source>
        <translation>Nom du demandeur, tel que donné</translation>
    </message>
    <message>
        <source>How to reach the requester (optional)</source>
        <translation>Pour joindre le demandeur (facultatif)</translation>
    </message>
    <message>
        <source>What the request asks (optional)</source>
        <translation>Ce que demande la personne (facultatif)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>When the answer is due</source>
        <translation>Échéance de la réponse</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Logged. The answer is due by {due}.</source>
        <translation>Demande consignée. La réponse est due au plus tard le {due}.</translation>
    </message>
    <message>
        <source>To be answered in writing by {due}: 30 calendar days after it was received.</source>
        <translation>Réponse écrite due au plus tard le {due}&#xa0;: 30 jours civils après la réception.</translation>
    </message>
    <message>
        <source>It is already OVERDUE.</source>
        <translation>Elle est déjà EN RETARD.</translation>
    </message>
    <message>
        <source>Saving the request…</source>
        <translation>Enregistrement de la demande…</translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation>Corrigez ce qui est indiqué en rouge.</translation>
    </message>
    <message>
        <source>The request was not saved. {detail} Nothing you typed was lost.</source>
        <translation>La demande n&apos;a pas été enregistrée. {detail} Rien de ce que vous avez saisi n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>The request has not been saved. Close anyway?</source>
        <translation>La demande n&apos;a pas été enregistrée. Fermer quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>AccessRequestModel</name>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <source>Requester (as given)</source>
        <translation>Demandeur (tel que donné)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Calendar days: the answer is due 30 days after the request was received.</source>
        <translation>Jours civils&#xa0;: la réponse est due 30 jours après la réception de la demande.</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>Non associée</translation>
    </message>
    <message>
        <source>OVERDUE · {n} day(s) late</source>
        <translation>EN RETARD · {n} j</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Échéance aujourd&apos;hui</translation>
    </message>
    <message>
        <source>{n} (due soon)</source>
        <translation>{n} (échéance proche)</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Non vérifiée</translation>
    </message>
</context>
<context>
    <name>AccessRequestWindow</name>
    <message>
        <source>An access or rectification request must be answered in writing within 30 calendar days of its receipt; no answer is deemed a refusal. Overdue requests are marked OVERDUE in red.</source>
        <translation>Une demande d&apos;accès ou de rectification doit recevoir une réponse écrite dans les 30 jours civils de sa réception&#xa0;; l&apos;absence de réponse équivaut à un refus. Les demandes en retard sont marquées EN RETARD en rouge.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Open access and rectification requests</source>
        <translation>Demandes d&apos;accès et de rectification ouvertes</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>Détails de la demande choisie</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Loading access requests…</source>
        <translation>Chargement des demandes d&apos;accès…</translation>
    </message>
    <message>
        <source>The list could not be loaded: {detail}</source>
        <translation>La liste n&apos;a pas pu être chargée&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Access and rectification requests</source>
        <translation>Demandes d&apos;accès et de rectification</translation>
    </message>
    <message>
        <source>Access and rectification requests — {open} open, {overdue} overdue</source>
        <translation>Demandes d&apos;accès et de rectification — ouvertes&#xa0;: {open}, en retard&#xa0;: {overdue}</translation>
    </message>
    <message>
        <source>{open} open · {overdue} OVERDUE</source>
        <translation>Ouvertes&#xa0;: {open} · EN RETARD&#xa0;: {overdue}</translation>
    </message>
    <message>
        <source>{open} open · none overdue</source>
        <translation>Ouvertes&#xa0;: {open} · aucune en retard</translation>
    </message>
    <message>
        <source>Select a request to see it here.</source>
        <translation>Choisissez une demande pour l&apos;afficher ici.</translation>
    </message>
    <message>
        <source>Kind: {kind}. Received by: {channel}, on {received}. Due: {due}.</source>
        <translation>Type&#xa0;: {kind}. Reçue par&#xa0;: {channel}, le {received}. Échéance&#xa0;: {due}.</translation>
    </message>
    <message>
        <source>Requester, as given: {name}</source>
        <translation>Demandeur, tel que donné&#xa0;: {name}</translation>
    </message>
    <message>
        <source>To reach them: {contact}</source>
        <translation>Pour le joindre&#xa0;: {contact}</translation>
    </message>
    <message>
        <source>Client file: {number}</source>
        <translation>Dossier client&#xa0;: {number}</translation>
    </message>
    <message>
        <source>Client file: not matched</source>
        <translation>Dossier client&#xa0;: non associé</translation>
    </message>
    <message>
        <source>Identity verified on {when}: {how}</source>
        <translation>Identité vérifiée le {when}&#xa0;: {how}</translation>
    </message>
    <message>
        <source>Identity not verified yet.</source>
        <translation>Identité pas encore vérifiée.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Logged by {who} on {when}.</source>
        <translation>Consignée par {who} le {when}.</translation>
    </message>
    <message>
        <source>OVERDUE since {due}</source>
        <translation>EN RETARD depuis le {due}</translation>
    </message>
    <message>
        <source>Matched to file {number}.</source>
        <translation>Associée au dossier {number}.</translation>
    </message>
    <message>
        <source>Identity recorded as verified.</source>
        <translation>Identité consignée comme vérifiée.</translation>
    </message>
    <message>
        <source>Save the evidence pack</source>
        <translation>Enregistrer la preuve du dossier</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Answer recorded: {sent}.</source>
        <translation>Réponse consignée&#xa0;: {sent}.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Refuse this request?</source>
        <translation>Refuser cette demande&#xa0;?</translation>
    </message>
    <message>
        <source>The refusal is recorded for good with its reason:
{reason}</source>
        <translation>Le refus est consigné définitivement avec son motif&#xa0;:
{reason}</translation>
    </message>
    <message>
        <source>Refusal recorded.</source>
        <translation>Refus consigné.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>AccessRequests</name>
    <message>
        <source>Access</source>
        <extracomment>A request due within this many days is marked &quot;due soon&quot;.</extracomment>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En personne</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>The client&apos;s evidence pack</source>
        <translation>La preuve du dossier du client</translation>
    </message>
    <message>
        <source>A copy of the file</source>
        <translation>Une copie du dossier</translation>
    </message>
    <message>
        <source>The rectified file</source>
        <translation>Le dossier rectifié</translation>
    </message>
</context>
<context>
    <name>AccessRequestsTab</name>
    <message>
        <source>Answered on {day}</source>
        <translation>Répondue le {day}</translation>
    </message>
    <message>
        <source>Refused on {day}</source>
        <translation>Refusée le {day}</translation>
    </message>
    <message>
        <source>OVERDUE: open, {days} day(s) past due</source>
        <translation>EN RETARD&#xa0;: ouverte, échéance passée depuis {days} jour(s)</translation>
    </message>
    <message>
        <source>Open, due today</source>
        <translation>Ouverte, échéance aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Open, {days} day(s) left</source>
        <translation>Ouverte, {days} jour(s) restant(s)</translation>
    </message>
    <message>
        <source>Nothing (refused)</source>
        <translation>Rien (refusée)</translation>
    </message>
    <message>
        <source>Reason for refusing: {reason}</source>
        <translation>Motif du refus&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The requester&apos;s identity is not verified yet.</source>
        <translation>L&apos;identité du demandeur n&apos;est pas encore vérifiée.</translation>
    </message>
    <message>
        <source>Identity verified on {day}</source>
        <translation>Identité vérifiée le {day}</translation>
    </message>
    <message>
        <source>Access and rectification requests about this client</source>
        <translation>Demandes d&apos;accès et de rectification concernant ce client</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation>Ce qui a été transmis</translation>
    </message>
    <message>
        <source>No access or rectification request about this client.</source>
        <translation>Aucune demande d&apos;accès ou de rectification concernant ce client.</translation>
    </message>
    <message>
        <source>{count} access or rectification request(s) about this client.</source>
        <translation>{count} demande(s) d&apos;accès ou de rectification concernant ce client.</translation>
    </message>
    <message>
        <source>{late} OVERDUE: the answer was due within 30 days.</source>
        <translation>{late} EN RETARD&#xa0;: la réponse était due dans les 30 jours.</translation>
    </message>
    <message>
        <source>Access re&amp;quests</source>
        <translation>Demandes d&apos;a&amp;ccès</translation>
    </message>
</context>
<context>
    <name>AcknowledgmentDocuments</name>
    <message>
        <source>Getting the PDF…</source>
        <translation>Récupération du PDF…</translation>
    </message>
    <message>
        <source>Save the acknowledgment</source>
        <translation>Enregistrer l&apos;accusé de réception</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Enregistrement du PDF…</translation>
    </message>
    <message>
        <source>Privacy policy acknowledgment</source>
        <translation>Accusé de réception de la politique de confidentialité</translation>
    </message>
</context>
<context>
    <name>Acknowledgments</name>
    <message>
        <source>{name} (the client)</source>
        <translation>{name} (le client)</translation>
    </message>
    <message>
        <source>{name} ({capacity})</source>
        <translation>{name} ({capacity})</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>✖ Refused</source>
        <translation>✖ Refusée</translation>
    </message>
    <message>
        <source>✔ Signed</source>
        <translation>✔ Signée</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Version de la politique</translation>
    </message>
    <message>
        <source>Read in</source>
        <translation>Langue de lecture</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <source>Privacy policy acknowledgments</source>
        <translation>Accusés de réception de la politique de confidentialité</translation>
    </message>
</context>
<context>
    <name>AcknowledgmentsTab</name>
    <message>
        <source>Open PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>No acknowledgment signed or refused yet.</source>
        <translation>Aucun accusé de réception signé ou refusé pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledgment(s), latest first.</source>
        <translation>
            <numerusform>%n accusé de réception, le plus récent en premier.</numerusform>
            <numerusform>%n accusés de réception, le plus récent en premier.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PDF is stored for this acknowledgment.</source>
        <translation>Aucun PDF n&apos;est conservé pour cet accusé de réception.</translation>
    </message>
</context>
<context>
    <name>AnonymisationsTab</name>
    <message>
        <source>Anonymisations recorded</source>
        <extracomment>The rule&apos;s column, which takes the width the others leave.</extracomment>
        <translation>Anonymisations consignées</translation>
    </message>
    <message>
        <source>Recorded &amp;from</source>
        <translation>Consignées &amp;du</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <source>Recorded from</source>
        <translation>Consignées à partir du</translation>
    </message>
    <message>
        <source>Recorded to</source>
        <translation>Consignées jusqu&apos;au</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Show the anonymisations of the period</source>
        <translation>Afficher les anonymisations de la période</translation>
    </message>
    <message>
        <source>Reading the anonymisations…</source>
        <translation>Lecture des anonymisations…</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <source>Anonymisation result</source>
        <translation>Résultat de l&apos;anonymisation</translation>
    </message>
    <message>
        <source>Anonymisation in progress</source>
        <translation>Anonymisation en cours</translation>
    </message>
    <message>
        <source>Anonymise file {file}</source>
        <translation>Anonymiser le dossier {file}</translation>
    </message>
    <message>
        <source>{name} — file {file}, born {born}, last contact {last}, due for review since {due}.</source>
        <translation>{name} — dossier {file}, naissance {born}, dernier contact {last}, à réviser depuis le {due}.</translation>
    </message>
    <message>
        <source>Anonymising replaces this person&apos;s identity with a placeholder: the names, the date of birth (only the year is kept), the address, email, phones and health insurance number. It also erases the names, contact details and signatures on the acknowledgments, opt-out requests and access requests, a representative&apos;s name and a cancellation&apos;s reason. The stored PDFs are removed; their fingerprint and verification code are kept.</source>
        <translation>L&apos;anonymisation remplace l&apos;identité de cette personne par une mention fixe&#xa0;: les noms, la date de naissance (seule l&apos;année est gardée), l&apos;adresse, le courriel, les téléphones et le numéro d&apos;assurance maladie. Elle efface aussi les noms, coordonnées et signatures des accusés de réception, des demandes de retrait et des demandes d&apos;accès, le nom d&apos;un représentant et le motif d&apos;une annulation. Les PDF conservés sont retirés&#xa0;; leur empreinte et leur code de vérification sont gardés.</translation>
    </message>
    <message>
        <source>What is kept: the consent, acknowledgment, opt-out and audit evidence stay countable and verifiable, so the reports&apos; counts do not change. The anonymisation itself is recorded: who, when and which rule ({rule}).</source>
        <translation>Ce qui est gardé&#xa0;: les preuves de consentement, d&apos;accusé de réception, de retrait et l&apos;audit restent dénombrables et vérifiables, si bien que les comptes des rapports ne changent pas. L&apos;anonymisation elle-même est consignée&#xa0;: par qui, quand et selon quelle règle ({rule}).</translation>
    </message>
    <message>
        <source>This cannot be undone. Backups made before today still hold the identity until backup retention removes them.</source>
        <translation>Cette opération est irréversible. Les sauvegardes faites avant aujourd&apos;hui gardent l&apos;identité jusqu&apos;à ce que leur durée de conservation les supprime.</translation>
    </message>
    <message>
        <source>To confirm, type the file number {file}:</source>
        <translation>Pour confirmer, tapez le numéro de dossier {file}&#xa0;:</translation>
    </message>
    <message>
        <source>File number, typed to confirm</source>
        <translation>Numéro de dossier, tapé pour confirmer</translation>
    </message>
    <message>
        <source>&amp;Anonymise for good</source>
        <translation>&amp;Anonymiser définitivement</translation>
    </message>
    <message>
        <source>Anonymise the file for good</source>
        <translation>Anonymiser le dossier définitivement</translation>
    </message>
    <message>
        <source>Cancel: keep the file as it is</source>
        <translation>Annuler&#xa0;: garder le dossier tel quel</translation>
    </message>
    <message>
        <source>Type the file number first.</source>
        <translation>Tapez d&apos;abord le numéro de dossier.</translation>
    </message>
    <message>
        <source>Anonymising the file…</source>
        <translation>Anonymisation du dossier…</translation>
    </message>
    <message>
        <source>Anonymising…</source>
        <translation>Anonymisation…</translation>
    </message>
</context>
<context>
    <name>AnonymisedFile</name>
    <message>
        <source>This file is anonymised: it can no longer be changed.</source>
        <translation>Ce dossier est anonymisé&#xa0;: il ne peut plus être modifié.</translation>
    </message>
    <message>
        <source>File anonymised on &lt;b&gt;{date}&lt;/b&gt;</source>
        <translation>Dossier anonymisé le &lt;b&gt;{date}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Born in &lt;b&gt;{year}&lt;/b&gt;</source>
        <translation>Naissance en &lt;b&gt;{year}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>File no. &lt;b&gt;{file}&lt;/b&gt;</source>
        <translation>N° de dossier &lt;b&gt;{file}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Anonymised file</source>
        <translation>Dossier anonymisé</translation>
    </message>
    <message>
        <source>File anonymised on {date}, born in {year}, file number {file}</source>
        <translation>Dossier anonymisé le {date}, naissance en {year}, numéro de dossier {file}</translation>
    </message>
</context>
<context>
    <name>AppointmentActions</name>
    <message>
        <source>{name} has arrived.</source>
        <translation>{name} est arrivé(e).</translation>
    </message>
    <message>
        <source>{name} did not come: recorded as a no-show.</source>
        <translation>{name} ne s&apos;est pas présenté(e)&#xa0;: inscrit comme absence.</translation>
    </message>
    <message>
        <source>{name}&apos;s appointment of {when} is cancelled.</source>
        <translation>Le rendez-vous de {name} du {when} est annulé.</translation>
    </message>
    <message>
        <source>{name}&apos;s appointment is moved to {when}.</source>
        <translation>Le rendez-vous de {name} est déplacé au {when}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>AppointmentPage</name>
    <message>
        <source>Date and time of the appointment</source>
        <translation>Date et heure du rendez-vous</translation>
    </message>
    <message>
        <source>Problem with the date and time</source>
        <translation>Problème de date et d&apos;heure</translation>
    </message>
    <message>
        <source>Kind of appointment</source>
        <translation>Type de rendez-vous</translation>
    </message>
    <message>
        <source>Length of the appointment in minutes</source>
        <translation>Durée du rendez-vous en minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Practitioner:</source>
        <translation>Praticien&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>In clinic or telemedicine</source>
        <translation>En clinique ou en télémédecine</translation>
    </message>
    <message>
        <source>In clinic</source>
        <translation>En clinique</translation>
    </message>
    <message>
        <source>Telemedicine</source>
        <translation>Télémédecine</translation>
    </message>
    <message>
        <source>By &amp;phone</source>
        <translation>Par téléph&amp;one</translation>
    </message>
    <message>
        <source>Booked by phone</source>
        <translation>Réservé par téléphone</translation>
    </message>
    <message>
        <source>At the &amp;desk</source>
        <translation>Au &amp;comptoir</translation>
    </message>
    <message>
        <source>Booked at the desk</source>
        <translation>Réservé au comptoir</translation>
    </message>
    <message>
        <source>Problem with how the booking is made</source>
        <translation>Problème de mode de prise de rendez-vous</translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation>Date et &amp;heure&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Booked:</source>
        <translation>Réservé&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Appointments, latest first</source>
        <translation>Rendez-vous, les plus récents en premier</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Cancelled by the clinic: {reason}</source>
        <translation>Annulé par la clinique&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cancelled by the client: {reason}</source>
        <translation>Annulé par le client&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Déplacé</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivé</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>double booking</source>
        <translation>double réservation</translation>
    </message>
    <message>
        <source>outside hours</source>
        <translation>en dehors des heures</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>jour de congé</translation>
    </message>
    <message>
        <source>Confirmed by a manager against the rules: {what}</source>
        <translation>Confirmé par un gestionnaire malgré les règles&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>{when}, {minutes} min, {practitioner}</source>
        <translation>{when}, {minutes} min, {practitioner}</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Inscrit par</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>Réservé par</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Book an appointment… (Ctrl+B)</source>
        <translation>Prendre rendez-vous… (Ctrl+B)</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Prendre rendez-vous</translation>
    </message>
    <message>
        <source>History of the appointments, oldest first:</source>
        <translation>Historique des rendez-vous, du plus ancien au plus récent&#xa0;:</translation>
    </message>
    <message>
        <source>History of the appointments</source>
        <translation>Historique des rendez-vous</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source> (scroll for older ones)</source>
        <translation> (faites défiler pour les plus anciens)</translation>
    </message>
    <message>
        <source>No appointment yet.</source>
        <translation>Aucun rendez-vous pour l&apos;instant.</translation>
    </message>
    <message>
        <source>{count} appointments, {coming} upcoming{more}.</source>
        <translation>{count} rendez-vous, dont {coming} à venir{more}.</translation>
    </message>
</context>
<context>
    <name>BookingButtons</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Save booking</source>
        <translation>&amp;Enregistrer le rendez-vous</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation>Revenir à l&apos;étape précédente</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Save the booking</source>
        <translation>Enregistrer le rendez-vous</translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation>Annuler la prise de rendez-vous</translation>
    </message>
</context>
<context>
    <name>BookingClientPicker</name>
    <message>
        <source>&amp;Book for this client</source>
        <translation>&amp;Réserver pour ce client</translation>
    </message>
    <message>
        <source>Book for which client?</source>
        <translation>Réserver pour quel client&#xa0;?</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book an appointment — {client}</source>
        <translation>Prendre rendez-vous — {client}</translation>
    </message>
    <message>
        <source>{client} · file {file} · born {born} ({age} years old) · speaks {language}</source>
        <translation>{client} · dossier {file} · naissance {born} ({age} ans) · langue&#xa0;: {language}</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Say how the booking is made: by phone or at the desk.</source>
        <translation>Indiquez comment le rendez-vous est pris&#xa0;: par téléphone ou au comptoir.</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Consent to communications</source>
        <translation>Consentement aux communications</translation>
    </message>
    <message>
        <source>Privacy policy and signature</source>
        <translation>Politique de confidentialité et signature</translation>
    </message>
    <message>
        <source>Step {n} of {total}: {title}</source>
        <translation>Étape {n} sur {total}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Loading the client&apos;s consent…</source>
        <translation>Chargement du consentement du client…</translation>
    </message>
    <message>
        <source>The policy could not be loaded: {detail}</source>
        <translation>Impossible de charger la politique&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Loading the privacy policy…</source>
        <translation>Chargement de la politique de confidentialité…</translation>
    </message>
    <message>
        <source>Wait for the client&apos;s current consent to load before saving.</source>
        <translation>Attendez que le consentement actuel du client soit chargé avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>Wait for the privacy policy to load before saving.</source>
        <translation>Attendez que la politique de confidentialité soit chargée avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>The booking was not saved: check the signature step.</source>
        <translation>Le rendez-vous n&apos;a pas été enregistré&#xa0;: vérifiez l&apos;étape de la signature.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saving the booking…</source>
        <translation>Enregistrement du rendez-vous…</translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation>Corrigez ce qui est indiqué en rouge.</translation>
    </message>
    <message>
        <source>The booking was not saved. {detail} Nothing you entered was lost.</source>
        <translation>Le rendez-vous n&apos;a pas été enregistré. {detail} Rien de ce que vous avez saisi n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>Saving… please wait a moment.</source>
        <translation>Enregistrement… veuillez patienter un instant.</translation>
    </message>
    <message>
        <source>Cancel the booking?</source>
        <translation>Annuler la prise de rendez-vous&#xa0;?</translation>
    </message>
    <message>
        <source>Close without saving? The booking, the consent answers and the signature will be lost.</source>
        <translation>Fermer sans enregistrer&#xa0;? Le rendez-vous, les réponses de consentement et la signature seront perdus.</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Busy indicator</source>
        <translation>Indicateur d&apos;activité</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>Travail en cours</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel an appointment</source>
        <translation>Annuler un rendez-vous</translation>
    </message>
    <message>
        <source>Cancel {name}&apos;s appointment of {when}? It stays in the file, marked cancelled.</source>
        <translation>Annuler le rendez-vous de {name} du {when}&#xa0;? Il reste au dossier, marqué annulé.</translation>
    </message>
    <message>
        <source>Cancelled by:</source>
        <translation>Annulé par&#xa0;:</translation>
    </message>
    <message>
        <source>the &amp;client</source>
        <translation>le &amp;client</translation>
    </message>
    <message>
        <source>the c&amp;linic</source>
        <translation>la c&amp;linique</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>For example: sick, schedule conflict, practitioner away</source>
        <translation>Par exemple&#xa0;: malade, conflit d&apos;horaire, praticien absent</translation>
    </message>
    <message>
        <source>Cancel the &amp;appointment</source>
        <translation>&amp;Annuler le rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Le garder</translation>
    </message>
    <message>
        <source>Say why the appointment is cancelled.</source>
        <translation>Indiquez pourquoi le rendez-vous est annulé.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>Password of {name} ({username}).</source>
        <translation>Mot de passe de {name} ({username}).</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Mot de passe &amp;actuel</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>&amp;Confirmer le nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Confirmer le nouveau mot de passe</translation>
    </message>
    <message>
        <source>C&amp;hange the password</source>
        <translation>&amp;Modifier le mot de passe</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Modifier le mot de passe</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Modification du mot de passe…</translation>
    </message>
</context>
<context>
    <name>ClientChoice</name>
    <message>
        <source>Search for the client, choose with ↑ and ↓, then press Enter.</source>
        <translation>Cherchez le client, choisissez avec ↑ et ↓, puis appuyez sur Entrée.</translation>
    </message>
</context>
<context>
    <name>ClientDeskActions</name>
    <message>
        <source>Update consent…</source>
        <extracomment>What recording consent and acknowledgments asks of the role (``services.consent.record``, ``services.acknowledgments.record``).</extracomment>
        <translation>Mettre à jour le consentement…</translation>
    </message>
    <message>
        <source>Sign the policy…</source>
        <translation>Faire signer la politique…</translation>
    </message>
    <message>
        <source>Record what the client tells us, by phone, at the desk, by letter or by email, about reminders and messages, outside any booking.</source>
        <translation>Noter ce que le client nous dit, par téléphone, au comptoir, par lettre ou par courriel, au sujet des rappels et des messages, en dehors de toute prise de rendez-vous.</translation>
    </message>
    <message>
        <source>Have the client sign the privacy policy in force today at the desk, without an appointment.</source>
        <translation>Faire signer au comptoir la politique de confidentialité en vigueur aujourd&apos;hui, sans rendez-vous.</translation>
    </message>
    <message>
        <source>Your role may not record consent or signatures.</source>
        <translation>Votre rôle ne permet pas d&apos;enregistrer un consentement ni une signature.</translation>
    </message>
    <message>
        <source>Open a client file first.</source>
        <translation>Ouvrez d&apos;abord un dossier client.</translation>
    </message>
    <message>
        <source>Consent updated for {name}.</source>
        <translation>Consentement mis à jour pour {name}.</translation>
    </message>
    <message>
        <source>Refusal to sign recorded for {name}.</source>
        <translation>Refus de signer enregistré pour {name}.</translation>
    </message>
    <message>
        <source>Privacy policy acknowledgment recorded for {name}; its PDF is in the file.</source>
        <translation>Accusé de réception de la politique enregistré pour {name}&#xa0;; son PDF est au dossier.</translation>
    </message>
</context>
<context>
    <name>ClientFileWidget</name>
    <message>
        <source>&amp;Details</source>
        <translation>Rense&amp;ignements</translation>
    </message>
    <message>
        <source>Co&amp;nsents</source>
        <translation>Consente&amp;ments</translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation>Rende&amp;z-vous</translation>
    </message>
    <message>
        <source>Ac&amp;knowledgments</source>
        <translation>&amp;Accusés de réception</translation>
    </message>
    <message>
        <source>Opt-o&amp;uts</source>
        <translation>&amp;Retraits</translation>
    </message>
    <message>
        <source>No client file is open.

Type a name, phone number, date of birth or file number in the search field (Ctrl+F), choose with ↑ and ↓, then press Enter.
Ctrl+N creates a new file.</source>
        <translation>Aucun dossier n&apos;est ouvert.

Tapez un nom, un numéro de téléphone, une date de naissance ou un n° de dossier dans le champ de recherche (Ctrl+F), choisissez avec ↑ et ↓, puis appuyez sur Entrée.
Ctrl+N crée un nouveau dossier.</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>Ouverture du dossier…</translation>
    </message>
    <message>
        <source>Opening the client file…</source>
        <translation>Ouverture du dossier client…</translation>
    </message>
    <message>
        <source>The file could not be opened.
{message}</source>
        <translation>Impossible d&apos;ouvrir le dossier.
{message}</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>TREM 8005 1512</source>
        <translation>TREM 8005 1512</translation>
    </message>
    <message>
        <source>MM/YYYY</source>
        <translation>MM/AAAA</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non indiqué</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Fi&amp;rst name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Date de naissance</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>Health i&amp;nsurance number (NAM)</source>
        <translation>Numéro d&apos;assurance &amp;maladie (NAM)</translation>
    </message>
    <message>
        <source>Health insurance number (NAM)</source>
        <translation>Numéro d&apos;assurance maladie (NAM)</translation>
    </message>
    <message>
        <source>&amp;Sex at birth</source>
        <translation>Se&amp;xe à la naissance</translation>
    </message>
    <message>
        <source>Sex at birth</source>
        <translation>Sexe à la naissance</translation>
    </message>
    <message>
        <source>Card e&amp;xpiry</source>
        <translation>Expiration de la ca&amp;rte</translation>
    </message>
    <message>
        <source>Card expiry</source>
        <translation>Expiration de la carte</translation>
    </message>
    <message>
        <source>S&amp;treet address</source>
        <translation>Adre&amp;sse</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Provinc&amp;e</source>
        <translation>Pr&amp;ovince</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>P&amp;ostal code</source>
        <translation>&amp;Code postal</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Téléphones</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>Co&amp;urriel</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>H2X 3Y7</source>
        <translation>H2X 3Y7</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@example.com</translation>
    </message>
</context>
<context>
    <name>ClientHeader</name>
    <message>
        <source>✖ Privacy policy acknowledgment refused</source>
        <translation>✖ Accusé de réception de la politique refusé</translation>
    </message>
    <message>
        <source>The client refused to sign the acknowledgment of policy {version}.</source>
        <translation>Le client a refusé de signer l&apos;accusé de réception de la politique {version}.</translation>
    </message>
    <message>
        <source>✔ Privacy policy acknowledged {date}</source>
        <translation>✔ Politique attestée le {date}</translation>
    </message>
    <message>
        <source>Signed for the current policy, version {version}.</source>
        <translation>Signée pour la politique en vigueur, version {version}.</translation>
    </message>
    <message>
        <source>⚠ 1 pending opt-out request</source>
        <translation>⚠ 1 demande de retrait en attente</translation>
    </message>
    <message>
        <source>⚠ {count} pending opt-out requests</source>
        <translation>⚠ {count} demandes de retrait en attente</translation>
    </message>
    <message>
        <source>⚠ Acknowledgment outdated (version {old})</source>
        <translation>⚠ Accusé de réception périmé (version {old})</translation>
    </message>
    <message>
        <source>Signed for version {old}; the current policy is version {version}. Ask the client to sign again.</source>
        <translation>Signée pour la version {old}&#xa0;; la politique en vigueur est la version {version}. Demandez au client de signer de nouveau.</translation>
    </message>
    <message>
        <source>⚠ Privacy policy acknowledgment missing</source>
        <translation>⚠ Accusé de réception de la politique manquant</translation>
    </message>
    <message>
        <source>Signed for version {signed}, which comes into force after the current version {version}.</source>
        <translation>Signée pour la version {signed}, qui entre en vigueur après la version actuelle {version}.</translation>
    </message>
    <message>
        <source>No signed acknowledgment of the privacy policy (version {version}).</source>
        <translation>Aucun accusé de réception signé de la politique de confidentialité (version {version}).</translation>
    </message>
    <message>
        <source>✖ Opted out of promotions</source>
        <translation>✖ Retrait des communications promotionnelles</translation>
    </message>
    <message>
        <source>Send no newsletters, surveys, feedback requests or parent company promotions.</source>
        <translation>N&apos;envoyer ni infolettre, ni sondage, ni demande de commentaires, ni offre promotionnelle de la société mère.</translation>
    </message>
    <message>
        <source>See the Opt-out requests tab; process them before any promotional contact.</source>
        <translation>Voir l&apos;onglet Retraits&#xa0;; traitez les demandes avant toute communication promotionnelle.</translation>
    </message>
    <message>
        <source>⚠ Acknowledgment outdated (signed in {language})</source>
        <translation>⚠ Accusé de réception périmé (signé en {language})</translation>
    </message>
    <message>
        <source>Version {version} was signed in {signed}; the client&apos;s language now has its text ({language}). Ask the client to sign it.</source>
        <translation>La version {version} a été signée en {signed}&#xa0;; la langue du client a maintenant son texte ({language}). Demandez au client de le signer.</translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation>Client&#xa0;: {name}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Age &lt;b&gt;{age}&lt;/b&gt; (born {born})</source>
        <translation>Âge &lt;b&gt;{age}&lt;/b&gt; (naissance {born})</translation>
    </message>
    <message>
        <source>File no. &lt;b&gt;{file}&lt;/b&gt;</source>
        <translation>N° de dossier &lt;b&gt;{file}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Language &lt;b&gt;{language}&lt;/b&gt;</source>
        <translation>Langue &lt;b&gt;{language}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Phone &lt;b&gt;{phone}&lt;/b&gt;</source>
        <translation>Téléphone &lt;b&gt;{phone}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Age {age}, born {born}, file number {file}, language {language}, phone {phone}</source>
        <translation>Âge {age}, date de naissance {born}, n° de dossier {file}, langue {language}, téléphone {phone}</translation>
    </message>
</context>
<context>
    <name>ClientPickerDialog</name>
    <message>
        <source>Match to a client file</source>
        <translation>Associer à un dossier client</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Associer</translation>
    </message>
</context>
<context>
    <name>ClientSearch</name>
    <message>
        <source>born {date}</source>
        <extracomment>Keystrokes that arrive together (a paste, a burst) make one search; otherwise every keystroke searches at once, on the task runner, where a newer search drops the older one&apos;s result. Pixels under which the name column never narrows (about seventeen characters).</extracomment>
        <translation>naissance {date}</translation>
    </message>
    <message>
        <source>file {number}</source>
        <translation>dossier {number}</translation>
    </message>
    <message>
        <source>Search for a client</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <source>Results follow the typing. Up and Down choose a result, Enter opens it.</source>
        <translation>Les résultats suivent la saisie. Haut et Bas choisissent un résultat, Entrée l&apos;ouvre.</translation>
    </message>
    <message>
        <source>Results follow the typing. Up and Down choose a result, Enter picks it.</source>
        <translation>Les résultats suivent la saisie. Haut et Bas choisissent un résultat, Entrée le sélectionne.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Search result count</source>
        <translation>Nombre de résultats</translation>
    </message>
    <message>
        <source>&amp;Search for a client (Ctrl+F)</source>
        <translation>Rec&amp;hercher un client (Ctrl+F)</translation>
    </message>
    <message>
        <source>Client picked</source>
        <translation>Client sélectionné</translation>
    </message>
    <message>
        <source>Type a name (any order, accents optional), a phone number, a date of birth (YYYY-MM-DD or DD/MM/YYYY) or a file number (leading zeros optional).</source>
        <translation>Tapez un nom (dans n&apos;importe quel ordre, accents facultatifs), un numéro de téléphone, une date de naissance (AAAA-MM-JJ ou JJ/MM/AAAA) ou un n° de dossier (zéros de tête facultatifs).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Name, phone, date of birth, NAM or file number</source>
        <translation>Nom, téléphone, date de naissance, NAM ou numéro de dossier</translation>
    </message>
    <message>
        <source>Clear the client picked</source>
        <translation>Effacer le client sélectionné</translation>
    </message>
    <message>
        <source>No client picked.</source>
        <translation>Aucun client sélectionné.</translation>
    </message>
    <message>
        <source>Picked: {client}</source>
        <translation>Sélectionné&#xa0;: {client}</translation>
    </message>
    <message>
        <source>The search failed: {detail}</source>
        <translation>La recherche a échoué&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>No client found for “{text}”. Check the spelling, or create a file with Ctrl+N.</source>
        <translation>Aucun client trouvé pour «&#xa0;{text}&#xa0;». Vérifiez l&apos;orthographe ou créez un dossier avec Ctrl+N.</translation>
    </message>
    <message>
        <source>More than {count} clients found: scroll down for more, or type more to narrow.</source>
        <translation>Plus de {count} clients trouvés&#xa0;: faites défiler pour voir la suite ou précisez la recherche.</translation>
    </message>
    <message>
        <source>1 client found. Press Enter to pick it.</source>
        <translation>1 client trouvé. Appuyez sur Entrée pour le sélectionner.</translation>
    </message>
    <message>
        <source>1 client found. Press Enter to open the file.</source>
        <translation>1 client trouvé. Appuyez sur Entrée pour ouvrir le dossier.</translation>
    </message>
    <message>
        <source>{count} clients found. Choose with ↑ ↓ and press Enter.</source>
        <translation>{count} clients trouvés. Choisissez avec ↑ ↓ et appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Date of birth read: {date}. {found}</source>
        <translation>Date de naissance lue&#xa0;: {date}. {found}</translation>
    </message>
    <message>
        <source>Several clients match: choose one with ↑ ↓, then press Enter.</source>
        <translation>Plusieurs clients correspondent&#xa0;: choisissez-en un avec ↑ ↓, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>No client to open.</source>
        <translation>Aucun client à ouvrir.</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>Result of the last save</source>
        <translation>Résultat du dernier enregistrement</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>Paramètres de la clinique</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>&amp;Cliniques</translation>
    </message>
    <message>
        <source>Save the &amp;organisation</source>
        <translation>Enregistrer l&apos;&amp;organisation</translation>
    </message>
    <message>
        <source>&amp;New site</source>
        <translation>&amp;Nouvelle clinique</translation>
    </message>
    <message>
        <source>Save the si&amp;te</source>
        <translation>Enregistrer la clini&amp;que</translation>
    </message>
    <message>
        <source>Sites of the organisation</source>
        <translation>Cliniques de l&apos;organisation</translation>
    </message>
    <message>
        <source>Loading the clinic&apos;s settings…</source>
        <translation>Chargement des paramètres de la clinique…</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Nouvelle clinique</translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation>Clinique&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Saving the clinic&apos;s settings…</source>
        <translation>Enregistrement des paramètres de la clinique…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>The organisation&apos;s settings are saved.</source>
        <translation>Les paramètres de l&apos;organisation sont enregistrés.</translation>
    </message>
    <message>
        <source>Not saved: correct what is shown in red. Nothing typed was lost.</source>
        <translation>Non enregistré&#xa0;: corrigez ce qui est en rouge. Rien de ce qui a été saisi n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The site&apos;s changes are not saved. Drop them?</source>
        <translation>Les modifications de la clinique ne sont pas enregistrées. Les abandonner&#xa0;?</translation>
    </message>
    <message>
        <source>Adding the site…</source>
        <translation>Ajout de la clinique…</translation>
    </message>
    <message>
        <source>Saving the site…</source>
        <translation>Enregistrement de la clinique…</translation>
    </message>
    <message>
        <source>The site {name} is saved.</source>
        <translation>La clinique {name} est enregistrée.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>Some changes to the clinic&apos;s settings are not saved. Close anyway?</source>
        <translation>Des modifications des paramètres de la clinique ne sont pas enregistrées. Fermer quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ClinicSites</name>
    <message>
        <source>Clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>{date} ({age} y)</source>
        <translation>{date} ({age} ans)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of birth (age)</source>
        <translation>Naissance (âge)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>NAM</source>
        <translation>NAM</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>This file was changed by someone else</source>
        <translation>Ce dossier a été modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>Compare both versions. Fields marked ≠ differ. Keep yours to save it over the stored version, or take the stored version and drop your changes.</source>
        <translation>Comparez les deux versions. Les champs marqués ≠ diffèrent. Gardez la vôtre pour l&apos;enregistrer à la place de la version enregistrée, ou prenez la version enregistrée et abandonnez vos modifications.</translation>
    </message>
    <message>
        <source>&amp;Keep my version and save</source>
        <translation>&amp;Garder ma version et enregistrer</translation>
    </message>
    <message>
        <source>&amp;Use the stored version</source>
        <translation>&amp;Utiliser la version enregistrée</translation>
    </message>
    <message>
        <source>Cancel and keep &amp;editing</source>
        <translation>Annuler et continuer à &amp;modifier</translation>
    </message>
    <message>
        <source>Stored version
(by {who}, {when})</source>
        <translation>Version enregistrée
(par {who}, {when})</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>diffère</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Database connection</source>
        <translation>Connexion à la base de données</translation>
    </message>
    <message>
        <source>Try &amp;now</source>
        <translation>Réessayer &amp;maintenant</translation>
    </message>
    <message>
        <source>Try to reconnect now</source>
        <translation>Tenter de se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Connection to the database lost — reconnecting… Your typing is kept.</source>
        <translation>Connexion à la base de données perdue — reconnexion… Votre saisie est conservée.</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s); save again once this message goes.</source>
        <translation>
            <numerusform>Nouvel essai dans %n seconde&#xa0;; enregistrez de nouveau quand ce message aura disparu.</numerusform>
            <numerusform>Nouvel essai dans %n secondes&#xa0;; enregistrez de nouveau quand ce message aura disparu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>✔ Granted</source>
        <translation>✔ Accordé</translation>
    </message>
    <message>
        <source>✖ Withdrawn</source>
        <translation>✖ Retiré</translation>
    </message>
    <message>
        <source>✘ Refused</source>
        <translation>✘ Refusé</translation>
    </message>
    <message>
        <source>— Not given</source>
        <translation>— Non accordé</translation>
    </message>
    <message>
        <source>{when}, {method}</source>
        <translation>{when}, {method}</translation>
    </message>
    <message>
        <source>{state}: never recorded.</source>
        <translation>{state}&#xa0;: jamais enregistré.</translation>
    </message>
    <message>
        <source>{state}: never recorded. Sentence to read to the client: «{sentence}»</source>
        <translation>{state}&#xa0;: jamais enregistré. Phrase à lire au client&#xa0;: «&#xa0;{sentence}&#xa0;»</translation>
    </message>
    <message>
        <source>{state} on {when}, {method}, by {who} (policy {version}, {language}): «{wording}»</source>
        <translation>{state} le {when}, {method}, par {who} (politique {version}, {language})&#xa0;: «&#xa0;{wording}&#xa0;»</translation>
    </message>
    <message>
        <source>Answered by {name} ({capacity}).</source>
        <translation>Réponse donnée par {name} ({capacity}).</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>In the client&apos;s language ({language}): {label}</source>
        <translation>Dans la langue du client ({language})&#xa0;: {label}</translation>
    </message>
</context>
<context>
    <name>ConsentHistory</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Policy {version}, {language}</source>
        <translation>Politique {version}, {language}</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Libellé</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Privacy policy in force for the appointment</source>
        <translation>Politique de confidentialité en vigueur pour le rendez-vous</translation>
    </message>
    <message>
        <source>Booked by phone: read each sentence to the client. The answers are recorded as given verbally on the phone; no signature is asked.</source>
        <translation>Rendez-vous par téléphone&#xa0;: lisez chaque phrase au client. Les réponses sont enregistrées comme données verbalement au téléphone&#xa0;; aucune signature n&apos;est demandée.</translation>
    </message>
    <message>
        <source>At the desk: the client reads and answers each sentence. The answers are recorded as given in person; no new signature is asked.</source>
        <translation>Au comptoir&#xa0;: le client lit chaque phrase et y répond. Les réponses sont enregistrées comme données en personne&#xa0;; aucune nouvelle signature n&apos;est demandée.</translation>
    </message>
    <message>
        <source>At the desk: the client reads and answers each sentence, then reads the policy summary and signs on the next page.</source>
        <translation>Au comptoir&#xa0;: le client lit chaque phrase et y répond, puis lit le résumé de la politique et signe à la page suivante.</translation>
    </message>
    <message>
        <source>The policy could not be loaded: {detail}</source>
        <translation>Impossible de charger la politique&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Loading the privacy policy in force on {day}…</source>
        <translation>Chargement de la politique de confidentialité en vigueur le {day}…</translation>
    </message>
    <message>
        <source>Privacy policy in force on {day}: version {version}.</source>
        <translation>Politique de confidentialité en vigueur le {day}&#xa0;: version {version}.</translation>
    </message>
    <message>
        <source>Already acknowledged: version {version}, signed on {date}.</source>
        <translation>Accusé de réception déjà signé&#xa0;: version {version}, le {date}.</translation>
    </message>
</context>
<context>
    <name>ConsentStep</name>
    <message>
        <source>Show or read each sentence to the client as written ({language}). Tick only what the client agrees to. A box that is already ticked is a consent given before: leave it ticked to keep it — unticking it withdraws that consent.</source>
        <translation>Montrez ou lisez chaque phrase au client telle qu&apos;elle est écrite ({language}). Cochez seulement ce que le client accepte. Une case déjà cochée est un consentement donné auparavant&#xa0;: laissez-la cochée pour le garder — la décocher retire ce consentement.</translation>
    </message>
    <message>
        <source>Loading status of the client&apos;s consent</source>
        <translation>État du chargement du consentement du client</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Load the client&apos;s consent again</source>
        <translation>Recharger le consentement du client</translation>
    </message>
    <message>
        <source>Changes to the client&apos;s consent</source>
        <translation>Modifications du consentement du client</translation>
    </message>
    <message>
        <source>Loading the client&apos;s current consent…</source>
        <translation>Chargement du consentement actuel du client…</translation>
    </message>
    <message>
        <source>Refused when asked: {declined}.</source>
        <translation>Refusés à la question : {declined}.</translation>
    </message>
    <message>
        <source>The client&apos;s current consent could not be loaded: {detail}</source>
        <translation>Impossible de charger le consentement actuel du client&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>No change to the client&apos;s consent so far.</source>
        <translation>Aucune modification du consentement du client pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Changes to record: {granted} consent(s) given, {withdrawn} withdrawn.</source>
        <translation>Modifications à enregistrer&#xa0;: {granted} consentement(s) accordé(s), {withdrawn} retiré(s).</translation>
    </message>
</context>
<context>
    <name>ConsentUpdateDialog</name>
    <message>
        <source>Update consent — {client}</source>
        <extracomment>How a client may tell the desk outside a booking, in the order offered.</extracomment>
        <translation>Mettre à jour le consentement — {client}</translation>
    </message>
    <message>
        <source>{client} · file {file} · born {born} ({age} years old) · speaks {language}</source>
        <translation>{client} · dossier {file} · naissance {born} ({age} ans) · langue&#xa0;: {language}</translation>
    </message>
    <message>
        <source>How is the client telling us?</source>
        <translation>Comment le client nous le dit-il&#xa0;?</translation>
    </message>
    <message>
        <source>By &amp;phone</source>
        <translation>Par &amp;téléphone</translation>
    </message>
    <message>
        <source>At the &amp;desk</source>
        <translation>Au &amp;comptoir</translation>
    </message>
    <message>
        <source>By le&amp;tter</source>
        <translation>Par &amp;lettre</translation>
    </message>
    <message>
        <source>By &amp;email</source>
        <translation>Par co&amp;urriel</translation>
    </message>
    <message>
        <source>&amp;Record the answers</source>
        <translation>&amp;Enregistrer les réponses</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Choose first how the client is telling us: the answers are recorded with it.</source>
        <translation>Choisissez d&apos;abord comment le client nous le dit&#xa0;: les réponses sont enregistrées avec cette indication.</translation>
    </message>
    <message>
        <source>By phone: read each sentence to the client as written. The answers are recorded as given verbally on the phone.</source>
        <translation>Par téléphone&#xa0;: lisez chaque phrase au client telle qu&apos;elle est écrite. Les réponses sont enregistrées comme données verbalement au téléphone.</translation>
    </message>
    <message>
        <source>At the desk: the client reads and answers each sentence. The answers are recorded as given in person.</source>
        <translation>Au comptoir&#xa0;: le client lit chaque phrase et y répond. Les réponses sont enregistrées comme données en personne.</translation>
    </message>
    <message>
        <source>By letter: answer each sentence as the client&apos;s letter does, and keep the letter. The answers are recorded as received by post.</source>
        <translation>Par lettre&#xa0;: répondez à chaque phrase comme le fait la lettre du client, et conservez la lettre. Les réponses sont enregistrées comme reçues par la poste.</translation>
    </message>
    <message>
        <source>By email: answer each sentence as the client&apos;s email does, and keep the email. The answers are recorded as received by email.</source>
        <translation>Par courriel&#xa0;: répondez à chaque phrase comme le fait le courriel du client, et conservez le courriel. Les réponses sont enregistrées comme reçues par courriel.</translation>
    </message>
    <message>
        <source>Loading the client&apos;s consent…</source>
        <translation>Chargement du consentement du client…</translation>
    </message>
    <message>
        <source>Say first how the client is telling us: by phone, at the desk, by letter or by email.</source>
        <translation>Indiquez d&apos;abord comment le client nous le dit&#xa0;: par téléphone, au comptoir, par lettre ou par courriel.</translation>
    </message>
    <message>
        <source>Nothing to record: every answer is the one already in the client&apos;s file.</source>
        <translation>Rien à enregistrer&#xa0;: chaque réponse est déjà celle du dossier du client.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Recording the client&apos;s consent…</source>
        <translation>Enregistrement du consentement du client…</translation>
    </message>
    <message>
        <source>The consent was not recorded. {detail} Nothing you entered was lost.</source>
        <translation>Le consentement n&apos;a pas été enregistré. {detail} Rien de ce que vous avez saisi n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>Recording… please wait a moment.</source>
        <translation>Enregistrement… veuillez patienter un instant.</translation>
    </message>
    <message>
        <source>Cancel the update?</source>
        <translation>Annuler la mise à jour&#xa0;?</translation>
    </message>
    <message>
        <source>Close without recording? The answers given will be lost.</source>
        <translation>Fermer sans enregistrer&#xa0;? Les réponses données seront perdues.</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <source>Consent by purpose and channel</source>
        <translation>Consentement par finalité et moyen de communication</translation>
    </message>
    <message>
        <source>Selected consent in detail</source>
        <translation>Détail du consentement sélectionné</translation>
    </message>
    <message>
        <source>Loading the consent history…</source>
        <translation>Chargement de l&apos;historique du consentement…</translation>
    </message>
    <message>
        <source>Consent history, newest first</source>
        <translation>Historique du consentement, les plus récents en premier</translation>
    </message>
    <message>
        <source>Current consent</source>
        <translation>Consentement actuel</translation>
    </message>
    <message>
        <source>&amp;History (newest first)</source>
        <translation>Hi&amp;storique (plus récents en premier)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Loading consents…</source>
        <translation>Chargement des consentements…</translation>
    </message>
    <message>
        <source>{granted} of {total} granted. Select a cell for when, how and by whom it was set.</source>
        <translation>{granted} sur {total} accordés. Sélectionnez une case pour savoir quand, comment et par qui elle a été réglée.</translation>
    </message>
    <message>
        <source>No consent recorded yet.</source>
        <translation>Aucun consentement enregistré pour l&apos;instant.</translation>
    </message>
    <message>
        <source>{count} events shown; scroll down for older ones.</source>
        <translation>{count} événements affichés&#xa0;; faites défiler pour les plus anciens.</translation>
    </message>
    <message>
        <source>{count} events.</source>
        <translation>{count} événements.</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Daily backup of the database…</source>
        <translation>Sauvegarde quotidienne de la base de données…</translation>
    </message>
</context>
<context>
    <name>DamageBanner</name>
    <message>
        <source>The daily check found the database damaged. {problem}</source>
        <translation>La vérification quotidienne a trouvé la base de données endommagée. {problem}</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Save the changes to this file (Ctrl+S)</source>
        <translation>Enregistrer les modifications de ce dossier (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Put back what is stored</source>
        <translation>Rétablir ce qui est enregistré</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Résultat de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Created {created} by {creator} · last changed {updated} by {updater} (version {version})</source>
        <translation>Créé le {created} par {creator} · modifié le {updated} par {updater} (version {version})</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Changes undone.</source>
        <translation>Modifications annulées.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saving the client file…</source>
        <translation>Enregistrement du dossier client…</translation>
    </message>
    <message>
        <source>✔ Saved</source>
        <translation>✔ Enregistré</translation>
    </message>
    <message>
        <source>File {file} saved.</source>
        <translation>Dossier {file} enregistré.</translation>
    </message>
    <message>
        <source>Some fields need correcting: see the message under each one.</source>
        <translation>Certains champs sont à corriger&#xa0;: voyez le message sous chacun.</translation>
    </message>
    <message>
        <source>The stored version is shown; your changes were dropped.</source>
        <translation>La version enregistrée est affichée&#xa0;; vos modifications ont été abandonnées.</translation>
    </message>
    <message>
        <source>Your changes are still in the form, not saved.</source>
        <translation>Vos modifications sont toujours dans le formulaire, non enregistrées.</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Correct disclosure no. {id}</source>
        <translation>Corriger la communication n° {id}</translation>
    </message>
    <message>
        <source>Record a disclosure</source>
        <translation>Consigner une communication</translation>
    </message>
    <message>
        <source>&amp;Date disclosed:</source>
        <translation>&amp;Date de la communication&#xa0;:</translation>
    </message>
    <message>
        <source>Reci&amp;pient:</source>
        <translation>Desti&amp;nataire&#xa0;:</translation>
    </message>
    <message>
        <source>Recipient&apos;s &amp;name:</source>
        <translation>No&amp;m du destinataire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Fondement légal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Information disclosed:</source>
        <translation>&amp;Renseignements communiqués&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Authorised by:</source>
        <translation>&amp;Autorisée par&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;How it was sent:</source>
        <translation>Mo&amp;yen de transmission&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Clients (file number):</source>
        <translation>&amp;Clients (numéro de dossier)&#xa0;:</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>No&amp;te&#xa0;:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>Which court, police service, order or person</source>
        <translation>Quel tribunal, service de police, ordre ou quelle personne</translation>
    </message>
    <message>
        <source>Date disclosed</source>
        <translation>Date de la communication</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Recipient&apos;s name</source>
        <translation>Nom du destinataire</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Fondement légal</translation>
    </message>
    <message>
        <source>Information disclosed</source>
        <translation>Renseignements communiqués</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Autorisée par</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Moyen de transmission</translation>
    </message>
    <message>
        <source>File number of a client to add</source>
        <translation>Numéro de dossier d&apos;un client à ajouter</translation>
    </message>
    <message>
        <source>Clients whose information was disclosed</source>
        <translation>Clients dont les renseignements ont été communiqués</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Add &amp;file</source>
        <translation>A&amp;jouter le dossier</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ret&amp;irer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Looking for the file…</source>
        <translation>Recherche du dossier…</translation>
    </message>
    <message>
        <source>Saving the disclosure…</source>
        <translation>Enregistrement de la communication…</translation>
    </message>
    <message>
        <source>Disclosure no. {id} recorded.</source>
        <translation>Communication n° {id} consignée.</translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation>Corrigez ce qui est indiqué en rouge.</translation>
    </message>
    <message>
        <source>The disclosure was not recorded. {detail} Nothing you typed was lost.</source>
        <translation>La communication n&apos;a pas été consignée. {detail} Rien de ce que vous avez saisi n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>The disclosure has not been recorded. Close anyway?</source>
        <translation>La communication n&apos;a pas été consignée. Fermer quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>DisclosureRegisterWindow</name>
    <message>
        <source>Disclosure register</source>
        <translation>Registre des communications</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Premier jour de la période</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Dernier jour de la période</translation>
    </message>
    <message>
        <source>Record a disclosure…</source>
        <translation>Consigner une communication…</translation>
    </message>
    <message>
        <source>Correct the selected entry…</source>
        <translation>Corriger l&apos;inscription choisie…</translation>
    </message>
    <message>
        <source>An entry is never changed: the correction is a new entry that names it.</source>
        <translation>Une inscription n&apos;est jamais modifiée&#xa0;: la correction est une nouvelle inscription qui la nomme.</translation>
    </message>
    <message>
        <source>Disclosures of the period</source>
        <translation>Communications de la période</translation>
    </message>
    <message>
        <source>Details of the selected disclosure</source>
        <translation>Détails de la communication choisie</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Loading the disclosure register…</source>
        <translation>Chargement du registre des communications…</translation>
    </message>
    <message>
        <source>The register could not be loaded: {detail}</source>
        <translation>Le registre n&apos;a pas pu être chargé&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Entries in the period: {count} ({standing} standing)</source>
        <translation>{count} inscription(s) dans la période, {standing} en vigueur</translation>
    </message>
    <message>
        <source>No disclosure in the period.</source>
        <translation>Aucune communication dans la période.</translation>
    </message>
    <message>
        <source>Select an entry to see it whole here.</source>
        <translation>Choisissez une inscription pour la voir en entier ici.</translation>
    </message>
    <message>
        <source>Disclosure no. {id} of {on} ({status})</source>
        <translation>Communication n° {id} du {on} ({status})</translation>
    </message>
    <message>
        <source>Recipient: {recipient}</source>
        <translation>Destinataire&#xa0;: {recipient}</translation>
    </message>
    <message>
        <source>Legal basis: {basis}</source>
        <translation>Fondement légal&#xa0;: {basis}</translation>
    </message>
    <message>
        <source>Information disclosed: {information}</source>
        <translation>Renseignements communiqués&#xa0;: {information}</translation>
    </message>
    <message>
        <source>Files: {files}</source>
        <translation>Dossiers&#xa0;: {files}</translation>
    </message>
    <message>
        <source>Authorised by {who}; sent: {means}.</source>
        <translation>Autorisée par {who}&#xa0;; transmise&#xa0;: {means}.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Recorded by {who} on {when}.</source>
        <translation>Consignée par {who} le {when}.</translation>
    </message>
    <message>
        <source>Disclosure no. {id} recorded.</source>
        <translation>Communication n° {id} consignée.</translation>
    </message>
    <message>
        <source>Disclosure no. {id} recorded (dated {on}, outside the period shown).</source>
        <translation>Communication n° {id} consignée (datée du {on}, hors de la période affichée).</translation>
    </message>
</context>
<context>
    <name>Disclosures</name>
    <message>
        <source>Disclosures of this client&apos;s information</source>
        <translation>Communications des renseignements de ce client</translation>
    </message>
    <message>
        <source>Disc&amp;losures</source>
        <translation>Commu&amp;nications</translation>
    </message>
    <message>
        <source>Parent organisation</source>
        <translation>Organisation mère</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>Police service</source>
        <translation>Service de police</translation>
    </message>
    <message>
        <source>Professional order</source>
        <translation>Ordre professionnel</translation>
    </message>
    <message>
        <source>Other recipient</source>
        <translation>Autre destinataire</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Par la poste</translation>
    </message>
    <message>
        <source>By email</source>
        <translation>Par courriel</translation>
    </message>
    <message>
        <source>By fax</source>
        <translation>Par télécopieur</translation>
    </message>
    <message>
        <source>Hand delivered</source>
        <translation>Remis en main propre</translation>
    </message>
    <message>
        <source>Secure transfer</source>
        <translation>Transfert sécurisé</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <source>Other means</source>
        <translation>Autre moyen</translation>
    </message>
    <message>
        <source>corrects no. {id}</source>
        <translation>corrige le n° {id}</translation>
    </message>
    <message>
        <source>corrected by no. {id}</source>
        <translation>corrigée par le n° {id}</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>en vigueur</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Fondement légal</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Renseignements</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Autorisée par</translation>
    </message>
    <message>
        <source>How sent</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Consignée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>DisclosuresTab</name>
    <message>
        <source>Record a disclosure…</source>
        <translation>Consigner une communication…</translation>
    </message>
    <message>
        <source>No disclosure of this client&apos;s information to a third party.</source>
        <translation>Aucune communication des renseignements de ce client à un tiers.</translation>
    </message>
    <message>
        <source>{count} disclosure(s) of this client&apos;s information to a third party.</source>
        <translation>{count} communication(s) des renseignements de ce client à un tiers.</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Create a &amp;new file anyway</source>
        <translation>Créer un nouveau dossier &amp;quand même</translation>
    </message>
    <message>
        <source>Create a new file anyway</source>
        <translation>Créer un nouveau dossier quand même</translation>
    </message>
    <message>
        <source>Is it the same person? Open the existing file rather than creating a second one.</source>
        <translation>Est-ce la même personne&#xa0;? Ouvrez le dossier existant plutôt que d&apos;en créer un deuxième.</translation>
    </message>
    <message>
        <source>Open file {file}: {name}, born {born}</source>
        <translation>Ouvrir le dossier {file}&#xa0;: {name}, naissance {born}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Une erreur s&apos;est produite&#xa0;: {detail}</translation>
    </message>
</context>
<context>
    <name>EvidencePackAction</name>
    <message>
        <source>E&amp;vidence pack…</source>
        <translation>Dossier de &amp;preuve…</translation>
    </message>
    <message>
        <source>One PDF with this client&apos;s consents and the sentences shown, signed policies, opt-out requests and every access to the file, for an access request or an inspection.</source>
        <translation>Un seul PDF avec les consentements de ce client et les phrases présentées, les politiques signées, les demandes de retrait et chaque accès au dossier, pour une demande d&apos;accès ou une inspection.</translation>
    </message>
    <message>
        <source>Making the evidence pack…</source>
        <translation>Préparation du dossier de preuve…</translation>
    </message>
    <message>
        <source>Evidence pack, file {number}</source>
        <translation>Dossier de preuve, n° de dossier {number}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a contact list</source>
        <translation>Exporter une liste de contacts</translation>
    </message>
    <message>
        <source>The list includes only clients who consent today to the chosen use by the chosen channel, and whom no pending opt-out request concerns. Files without an address for the channel are left out. The export is recorded in the audit trail with its purpose, channel, number of rows and the file&apos;s fingerprint (SHA-256), never with names.</source>
        <translation>La liste ne comprend que les clients qui consentent aujourd&apos;hui à la finalité choisie par le moyen de communication choisi, et qu&apos;aucune demande de retrait en attente ne concerne. Les dossiers sans adresse pour ce moyen sont exclus. L&apos;exportation est inscrite au journal des accès avec sa finalité, son moyen, son nombre de lignes et l&apos;empreinte du fichier (SHA-256), jamais avec des noms.</translation>
    </message>
    <message>
        <source>Purpose of the mailing</source>
        <translation>Finalité de l&apos;envoi</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Moyen de communication</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Fichier à créer</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>Choisir le fichier à créer</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Finalité</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Moyen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Fic&amp;hier</translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation>Exportation en cours</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Résultat de l&apos;exportation</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Export the contact list</source>
        <translation>Exporter la liste de contacts</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export the contact list to</source>
        <translation>Exporter la liste de contacts vers</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à créer.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le répertoire {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Exporting the contact list…</source>
        <translation>Exportation de la liste de contacts…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) written to {path}.</source>
        <translation>
            <numerusform>%n client écrit dans {path}.</numerusform>
            <numerusform>%n clients écrits dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>SHA-256 of the file: {sha256}</source>
        <translation>Empreinte SHA-256 du fichier&#xa0;: {sha256}</translation>
    </message>
    <message numerus="yes">
        <source>%n consenting client(s) left out: no address for this channel in the file.</source>
        <translation>
            <numerusform>%n client consentant exclu&#xa0;: aucune adresse pour ce moyen dans le dossier.</numerusform>
            <numerusform>%n clients consentants exclus&#xa0;: aucune adresse pour ce moyen dans le dossier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n opt-out request(s) not yet matched to a file: they may concern people on this list. Match them in the opt-out queue before sending.</source>
        <translation>
            <numerusform>⚠ %n demande de retrait pas encore associée à un dossier&#xa0;: elle peut concerner des personnes de cette liste. Associez-la dans la file des demandes de retrait avant l&apos;envoi.</numerusform>
            <numerusform>⚠ %n demandes de retrait pas encore associées à un dossier&#xa0;: elles peuvent concerner des personnes de cette liste. Associez-les dans la file des demandes de retrait avant l&apos;envoi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the client list to bring in: a CSV file saved from a spreadsheet or exported by the clinic&apos;s former system. FrontDesk reads how it is written; check each choice below and change it if the names in the next steps look wrong.</source>
        <translation>Choisissez la liste de clients à importer : un fichier CSV enregistré depuis un tableur ou exporté par l&apos;ancien système de la clinique. FrontDesk détecte comment il est écrit ; vérifiez chaque choix ci-dessous et changez-le si les noms des étapes suivantes semblent erronés.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>&amp;Codage</translation>
    </message>
    <message>
        <source>&amp;Separator</source>
        <translation>&amp;Séparateur</translation>
    </message>
    <message>
        <source>&amp;Date order</source>
        <translation>Ordre des &amp;dates</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <source>The client list (.csv, .txt)</source>
        <translation>La liste de clients (.csv, .txt)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <source>Encoding of the file</source>
        <translation>Codage du fichier</translation>
    </message>
    <message>
        <source>Column separator</source>
        <translation>Séparateur de colonnes</translation>
    </message>
    <message>
        <source>Order of the dates in the file</source>
        <translation>Ordre des dates dans le fichier</translation>
    </message>
    <message>
        <source>UTF-8 with byte-order mark</source>
        <translation>UTF-8 avec indicateur d&apos;ordre des octets (BOM)</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8 (Unicode)</translation>
    </message>
    <message>
        <source>Windows-1252 (Excel on Windows, older systems)</source>
        <translation>Windows-1252 (Excel sous Windows, anciens systèmes)</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Virgule ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Point-virgule ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>{choice} — detected</source>
        <translation>{choice} — détecté</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n client row(s).</source>
        <translation>
            <numerusform>{file} : %n ligne de client.</numerusform>
            <numerusform>{file} : %n lignes de clients.</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns ({count}): {headers}</source>
        <translation>Colonnes ({count}) : {headers}</translation>
    </message>
    <message>
        <source>SHA-256 of the file: {sha256}</source>
        <translation>Empreinte SHA-256 du fichier : {sha256}</translation>
    </message>
    <message>
        <source>Choose the client list to import</source>
        <translation>Choisir la liste de clients à importer</translation>
    </message>
    <message>
        <source>Client lists (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Listes de clients (*.csv *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>FrontDesk — First start</source>
        <translation>FrontDesk — Premier démarrage</translation>
    </message>
    <message>
        <source>This database has no account yet. Create the manager account first; the manager then creates the other accounts.</source>
        <translation>Cette base de données n&apos;a encore aucun compte. Créez d&apos;abord le compte du gestionnaire&#xa0;; le gestionnaire crée ensuite les autres comptes.</translation>
    </message>
    <message>
        <source>e.g. marie.tremblay</source>
        <translation>p. ex. marie.tremblay</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nom co&amp;mplet</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>&amp;Retaper le mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Retaper le mot de passe</translation>
    </message>
    <message>
        <source>Password: at least {min} characters, with letters and digits.</source>
        <translation>Mot de passe&#xa0;: au moins {min} caractères, avec lettres et chiffres.</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Créer le compte</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Création du compte…</translation>
    </message>
</context>
<context>
    <name>GoToDateDialog</name>
    <message>
        <source>Go to a date</source>
        <translation>Aller à une date</translation>
    </message>
    <message>
        <source>&amp;Date ({forms}):</source>
        <translation>&amp;Date ({forms})&#xa0;:</translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Already</source>
        <translation>Déjà fait</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Cellulaire</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Legal hold result</source>
        <translation>Résultat de la conservation pour motif juridique</translation>
    </message>
    <message>
        <source>Saving the legal hold</source>
        <translation>Enregistrement de la conservation pour motif juridique</translation>
    </message>
    <message>
        <source>Place a legal hold</source>
        <translation>Placer une conservation pour motif juridique</translation>
    </message>
    <message>
        <source>A legal hold keeps this file out of the retention review, so it is not anonymised, until the hold is lifted (a lawsuit, an investigation, a request of the Commission).</source>
        <translation>Une conservation pour motif juridique écarte ce dossier de la révision de la conservation, et donc de l&apos;anonymisation, jusqu&apos;à ce qu&apos;elle soit levée (une poursuite, une enquête, une demande de la Commission).</translation>
    </message>
    <message>
        <source>&amp;Place the hold</source>
        <translation>&amp;Placer la conservation</translation>
    </message>
    <message>
        <source>Place the legal hold</source>
        <translation>Placer la conservation pour motif juridique</translation>
    </message>
    <message>
        <source>Lift the legal hold</source>
        <translation>Lever la conservation pour motif juridique</translation>
    </message>
    <message>
        <source>Once the hold is lifted, the file comes back into the retention review if it is past the rule.</source>
        <translation>Une fois la conservation levée, le dossier revient dans la révision de la conservation s&apos;il a dépassé la règle.</translation>
    </message>
    <message>
        <source>&amp;Lift the hold</source>
        <translation>&amp;Lever la conservation</translation>
    </message>
    <message>
        <source>&amp;Reason (required, kept in the register):</source>
        <translation>&amp;Motif (obligatoire, gardé au registre)&#xa0;:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Saving the legal hold…</source>
        <translation>Enregistrement de la conservation pour motif juridique…</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message>
        <source>row {number} of this file</source>
        <extracomment>Past this many, the rest stay undecided (not created); the manager can import them in a second pass.</extracomment>
        <translation>ligne {number} de ce fichier</translation>
    </message>
    <message>
        <source>file {number}</source>
        <translation>dossier {number}</translation>
    </message>
    <message>
        <source>✔ Ready</source>
        <translation>✔ Prête</translation>
    </message>
    <message>
        <source>✖ Not imported</source>
        <translation>✖ Non importée</translation>
    </message>
    <message>
        <source>⚠ Possible duplicate</source>
        <translation>⚠ Doublon possible</translation>
    </message>
    <message>
        <source>↺ Already imported</source>
        <translation>↺ Déjà importée</translation>
    </message>
    <message>
        <source>NAM: {nam}</source>
        <translation>NAM : {nam}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Working on the import</source>
        <translation>Importation en cours</translation>
    </message>
    <message>
        <source>Import messages</source>
        <translation>Messages de l&apos;importation</translation>
    </message>
    <message>
        <source>Import a client list</source>
        <translation>Importer une liste de clients</translation>
    </message>
    <message>
        <source>Save the &amp;error report…</source>
        <translation>Enregistrer le rapport d&apos;&amp;erreurs…</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Check every row</source>
        <translation>Vérifier toutes les lignes</translation>
    </message>
    <message>
        <source>Decide and import</source>
        <translation>Décider et importer</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <source>Step {number} of {count}: {title}</source>
        <translation>Étape {number} de {count} : {title}</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Preview &gt;</source>
        <translation>&amp;Aperçu &gt;</translation>
    </message>
    <message>
        <source>&amp;Check every row &gt;</source>
        <translation>&amp;Vérifier toutes les lignes &gt;</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n client(s)</source>
        <translation>
            <numerusform>&amp;Importer %n client</numerusform>
            <numerusform>&amp;Importer %n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Choisissez le fichier à importer.</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>Aucun fichier à l&apos;emplacement {path}.</translation>
    </message>
    <message>
        <source>Reading the client list…</source>
        <translation>Lecture de la liste de clients…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>Check how the file is read, then continue with Next.</source>
        <translation>Vérifiez comment le fichier est lu, puis continuez avec Suivant.</translation>
    </message>
    <message>
        <source>Choose the column for: {fields}.</source>
        <translation>Choisissez la colonne pour : {fields}.</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>Lecture des premières lignes…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Vérification de toutes les lignes…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Importation annulée : rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Creating the client files…</source>
        <translation>Création des dossiers clients…</translation>
    </message>
    <message numerus="yes">
        <source>%n client file(s) created from {file}.</source>
        <translation>
            <numerusform>%n dossier client créé à partir de {file}.</numerusform>
            <numerusform>%n dossiers clients créés à partir de {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the error report</source>
        <translation>Enregistrer le rapport d&apos;erreurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in error written to {path}.</source>
        <translation>
            <numerusform>%n ligne en erreur écrite dans {path}.</numerusform>
            <numerusform>%n lignes en erreur écrites dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the error report…</source>
        <translation>Écriture du rapport d&apos;erreurs…</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Annulation de l&apos;importation…</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est produit</translation>
    </message>
    <message>
        <source>Risk of serious injury</source>
        <translation>Risque de préjudice sérieux</translation>
    </message>
    <message>
        <source>Notices and measures</source>
        <translation>Avis et mesures</translation>
    </message>
    <message>
        <source>Brief description of the &amp;circumstances</source>
        <translation>Brève description des &amp;circonstances</translation>
    </message>
    <message>
        <source>Personal &amp;information concerned</source>
        <translation>Renseignements personnels &amp;concernés</translation>
    </message>
    <message>
        <source>If it cannot be described, &amp;why</source>
        <translation>S&apos;ils ne peuvent être décrits, &amp;pourquoi</translation>
    </message>
    <message>
        <source>Incident &amp;from</source>
        <translation>Incident &amp;du</translation>
    </message>
    <message>
        <source>Incident &amp;to</source>
        <translation>Incident a&amp;u</translation>
    </message>
    <message>
        <source>&amp;Discovered on (required)</source>
        <translation>Connu &amp;le (obligatoire)</translation>
    </message>
    <message>
        <source>Num&amp;ber of people concerned</source>
        <translation>&amp;Nombre de personnes concernées</translation>
    </message>
    <message>
        <source>&amp;Assessment: sensitivity, anticipated consequences, likelihood of misuse</source>
        <translation>Év&amp;aluation&#xa0;: sensibilité des renseignements, conséquences appréhendées, probabilité d&apos;une utilisation préjudiciable</translation>
    </message>
    <message>
        <source>C&amp;ommission notified on</source>
        <translation>C&amp;ommission avisée le</translation>
    </message>
    <message>
        <source>&amp;People concerned notified on</source>
        <translation>Personnes concernées a&amp;visées le</translation>
    </message>
    <message>
        <source>&amp;Measures taken</source>
        <translation>&amp;Mesures prises</translation>
    </message>
    <message>
        <source>There is a risk of &amp;serious injury</source>
        <translation>Il y a un risque de préjudice &amp;sérieux</translation>
    </message>
    <message>
        <source>There is a risk of serious injury</source>
        <translation>Il y a un risque de préjudice sérieux</translation>
    </message>
    <message>
        <source>{forms} — empty: not known yet</source>
        <translation>{forms} — vide&#xa0;: pas encore connue</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>A whole number; empty: not known yet</source>
        <translation>Un nombre entier&#xa0;; vide&#xa0;: pas encore connu</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Discovered on</source>
        <translation>Connu le</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Serious risk</source>
        <translation>Risque sérieux</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>Conserver jusqu&apos;au</translation>
    </message>
    <message>
        <source>NOTICE DUE</source>
        <translation>AVIS À DONNER</translation>
    </message>
    <message>
        <source>Notified {date}</source>
        <translation>Avisés le {date}</translation>
    </message>
    <message>
        <source>Commission notified {commission}</source>
        <translation>Commission avisée le {commission}</translation>
    </message>
    <message>
        <source>People notified {people}</source>
        <translation>Personnes avisées le {people}</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Non requis</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Commission: {commission} · people concerned: {people}</source>
        <translation>Commission&#xa0;: {commission} · personnes concernées&#xa0;: {people}</translation>
    </message>
    <message>
        <source>A risk of serious injury: the Commission d&apos;accès à l&apos;information and the people concerned must be notified promptly.</source>
        <translation>Risque de préjudice sérieux&#xa0;: la Commission d&apos;accès à l&apos;information et les personnes concernées doivent être avisées avec diligence.</translation>
    </message>
</context>
<context>
    <name>IncidentRegisterWindow</name>
    <message>
        <source>Every confidentiality incident is recorded here and kept at least five years after the clinic became aware of it. When there is a risk of serious injury, the Commission d&apos;accès à l&apos;information and the people concerned must be notified promptly: such incidents are marked NOTICE DUE until both notices are recorded. Each save is a new version; earlier versions are kept in the history.</source>
        <extracomment>The register is read whole: every incident discovered since this day.</extracomment>
        <translation>Chaque incident de confidentialité est inscrit ici et conservé au moins cinq ans après que la clinique en a pris connaissance. S&apos;il présente un risque de préjudice sérieux, la Commission d&apos;accès à l&apos;information et les personnes concernées doivent être avisées avec diligence&#xa0;: l&apos;incident porte la mention AVIS À DONNER tant que les deux avis ne sont pas inscrits. Chaque enregistrement crée une nouvelle version&#xa0;; les versions antérieures sont conservées dans l&apos;historique.</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Nouvel incident…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Current version</source>
        <translation>Version en vigueur</translation>
    </message>
    <message>
        <source>Confidentiality incidents</source>
        <translation>Incidents de confidentialité</translation>
    </message>
    <message>
        <source>Versions of the incident</source>
        <translation>Versions de l&apos;incident</translation>
    </message>
    <message>
        <source>The selected version, read-only</source>
        <translation>La version choisie, en lecture seule</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Loading the incident register…</source>
        <translation>Chargement du registre des incidents…</translation>
    </message>
    <message>
        <source>Loading the incident…</source>
        <translation>Chargement de l&apos;incident…</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Abandonner les modifications&#xa0;?</translation>
    </message>
    <message>
        <source>The changes typed in this incident are not saved. Discard them?</source>
        <translation>Les modifications saisies dans cet incident ne sont pas enregistrées. Les abandonner&#xa0;?</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Confidentiality-incident register</source>
        <translation>Registre des incidents de confidentialité</translation>
    </message>
    <message>
        <source>Confidentiality-incident register — {count} incident(s)</source>
        <translation>Registre des incidents de confidentialité — {count} incident(s)</translation>
    </message>
    <message>
        <source>{count} incident(s) · {due} NOTICE DUE</source>
        <translation>{count} incident(s) · {due} AVIS À DONNER</translation>
    </message>
    <message>
        <source>{count} incident(s) · no notice due</source>
        <translation>{count} incident(s) · aucun avis à donner</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <source>Record the incid&amp;ent</source>
        <translation>&amp;Inscrire l&apos;incident</translation>
    </message>
    <message>
        <source>Sa&amp;ve a new version</source>
        <translation>Enregistrer une nouvelle &amp;version</translation>
    </message>
    <message>
        <source>Version {number}, saved by {who} on {when}</source>
        <translation>Version {number}, enregistrée par {who} le {when}</translation>
    </message>
    <message>
        <source>Incident {reference} — version {version}, saved by {who} on {when}</source>
        <translation>Incident {reference} — version {version}, enregistrée par {who} le {when}</translation>
    </message>
    <message>
        <source>Shortcut: Ctrl+N</source>
        <translation>Raccourci&#xa0;: Ctrl+N</translation>
    </message>
    <message>
        <source>Version history ({count})</source>
        <translation>Historique des versions ({count})</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Incident {reference} recorded: version {version}.</source>
        <translation>Incident {reference} enregistré&#xa0;: version {version}.</translation>
    </message>
</context>
<context>
    <name>KindsPage</name>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <source>French &amp;name:</source>
        <translation>&amp;Nom en français&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;English name:</source>
        <translation>Nom en &amp;anglais&#xa0;:</translation>
    </message>
    <message>
        <source>Default &amp;length:</source>
        <translation>&amp;Durée par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Appointment kinds</source>
        <translation>Types de rendez-vous</translation>
    </message>
    <message>
        <source>for example: follow_up</source>
        <translation>par exemple&#xa0;: suivi</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Offered when booking</source>
        <translation>Offert à la réservation</translation>
    </message>
    <message>
        <source>New kind</source>
        <translation>Nouveau type</translation>
    </message>
    <message>
        <source>Save the &amp;kind</source>
        <translation>Enregistrer le &amp;type</translation>
    </message>
    <message>
        <source>{name} · {minutes} min</source>
        <translation>{name} · {minutes} min</translation>
    </message>
    <message>
        <source>{kind} (not offered)</source>
        <translation>{kind} (non offert)</translation>
    </message>
    <message>
        <source>Give the kind&apos;s name in French and in English.</source>
        <translation>Donnez le nom du type en français et en anglais.</translation>
    </message>
    <message>
        <source>Give the kind a short code (letters, digits and _).</source>
        <translation>Donnez au type un code court (lettres, chiffres et _).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The {language} translation is not installed yet; the interface stays in English.</source>
        <translation>La traduction ({language}) n&apos;est pas encore installée&#xa0;; l&apos;interface reste en anglais.</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Where the data lives</source>
        <translation>Où sont conservées les données</translation>
    </message>
    <message>
        <source>One computer keeps its own file; several workstations or clinics share a server.</source>
        <translation>Un seul ordinateur garde son propre fichier ; plusieurs postes ou cliniques partagent un serveur.</translation>
    </message>
    <message>
        <source>&amp;This computer only</source>
        <translation>&amp;Cet ordinateur seulement</translation>
    </message>
    <message>
        <source>The data stays in a file on this computer: {path}</source>
        <translation>Les données restent dans un fichier sur cet ordinateur : {path}</translation>
    </message>
    <message>
        <source>A &amp;PostgreSQL server shared by several workstations</source>
        <translation>Un serveur &amp;PostgreSQL partagé par plusieurs postes</translation>
    </message>
    <message>
        <source>postgresql://user:password@server:5432/frontdesk</source>
        <translation>postgresql://utilisateur:motdepasse@serveur:5432/frontdesk</translation>
    </message>
    <message>
        <source>PostgreSQL server URL</source>
        <translation>Adresse du serveur PostgreSQL</translation>
    </message>
    <message>
        <source>T&amp;est the connection</source>
        <translation>&amp;Essayer la connexion</translation>
    </message>
    <message>
        <source>Trying the server…</source>
        <translation>Essai du serveur…</translation>
    </message>
    <message>
        <source>✔ The server answered.</source>
        <translation>✔ Le serveur a répondu.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>FrontDesk is locked</source>
        <translation>FrontDesk est verrouillé</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Vérification du mot de passe…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Quit FrontDesk</source>
        <translation>&amp;Quitter FrontDesk</translation>
    </message>
    <message>
        <source>Quit FrontDesk</source>
        <translation>Quitter FrontDesk</translation>
    </message>
    <message>
        <source>{name}&apos;s session, locked at {time}.

{name}: type your password to carry on where you left off.
Someone else: sign in with your own account. {name}&apos;s session stays as it is, hidden, until {name} signs in again.</source>
        <translation>Session de {name}, verrouillée à {time}.

{name}&#xa0;: tapez votre mot de passe pour reprendre là où vous en étiez.
Autre personne&#xa0;: connectez-vous avec votre propre compte. La session de {name} reste telle quelle, masquée, jusqu&apos;à ce que {name} se connecte de nouveau.</translation>
    </message>
    <message>
        <source>Also kept aside on this workstation: {names}.</source>
        <translation>Autres sessions en attente sur ce poste de travail&#xa0;: {names}.</translation>
    </message>
    <message>
        <source>&amp;Drop the work and quit</source>
        <translation>&amp;Abandonner le travail et quitter</translation>
    </message>
    <message>
        <source>Drop the unsaved work and quit FrontDesk</source>
        <translation>Abandonner le travail non enregistré et quitter FrontDesk</translation>
    </message>
    <message>
        <source>&amp;Keep the work</source>
        <translation>&amp;Garder le travail</translation>
    </message>
    <message>
        <source>Keep the work and stay locked</source>
        <translation>Garder le travail et rester verrouillé</translation>
    </message>
    <message>
        <source>{names} has unsaved work on this workstation: quitting FrontDesk would drop it.

To quit anyway, {names} or a manager types their password.</source>
        <translation>{names} a du travail non enregistré sur ce poste : quitter FrontDesk le perdrait.

Pour quitter quand même, {names} ou un gestionnaire tape son mot de passe.</translation>
    </message>
    <message>
        <source>{names} have unsaved work on this workstation: quitting FrontDesk would drop it.

To quit anyway, a manager types their password.</source>
        <translation>{names} ont du travail non enregistré sur ce poste : quitter FrontDesk le perdrait.

Pour quitter quand même, un gestionnaire tape son mot de passe.</translation>
    </message>
    <message>
        <source>Only {name} or a manager can drop this work.</source>
        <translation>Ce travail ne peut être abandonné que par {name} ou par un gestionnaire.</translation>
    </message>
    <message>
        <source>Only a manager can drop this work.</source>
        <translation>Ce travail ne peut être abandonné que par un gestionnaire.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>FrontDesk — Sign in</source>
        <translation>FrontDesk — Connexion</translation>
    </message>
    <message>
        <source>Sign in to FrontDesk</source>
        <translation>Se connecter à FrontDesk</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Database: {where} · Workstation: {workstation}</source>
        <translation>Base de données&#xa0;: {where} · Poste de travail&#xa0;: {workstation}</translation>
    </message>
    <message>
        <source>Demo accounts (click to fill in)</source>
        <translation>Comptes de démo (cliquez pour remplir)</translation>
    </message>
    <message>
        <source>{name} — {role}: {username} / {password}</source>
        <translation>{name} — {role}&#xa0;: {username} / {password}</translation>
    </message>
    <message>
        <source>Fill in the demo account {username}</source>
        <translation>Remplir avec le compte de démo {username}</translation>
    </message>
</context>
<context>
    <name>MailSettingsPage</name>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>&amp;Serveur SMTP :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>Sec&amp;urity:</source>
        <translation>Séc&amp;urité :</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Sen&amp;der address:</source>
        <translation>A&amp;dresse d&apos;expéditeur :</translation>
    </message>
    <message>
        <source>STARTTLS: encrypted once connected (port 587)</source>
        <translation>STARTTLS : chiffré une fois connecté (port 587)</translation>
    </message>
    <message>
        <source>TLS: encrypted from the start (port 465)</source>
        <translation>TLS : chiffré dès le départ (port 465)</translation>
    </message>
    <message>
        <source>None (a server on this computer only)</source>
        <translation>Aucune (un serveur sur cet ordinateur seulement)</translation>
    </message>
    <message>
        <source>Left empty: the stored password is kept</source>
        <translation>Laissé vide : le mot de passe enregistré est gardé</translation>
    </message>
    <message>
        <source>Appointment reminders are sent through this server. The password is kept on this workstation only, readable by your account alone, never in the database: enter it on each workstation that sends reminders.</source>
        <translation>Les rappels de rendez-vous sont envoyés par ce serveur. Le mot de passe est gardé sur ce poste seulement, lisible par votre compte seul, jamais dans la base de données : saisissez-le sur chaque poste qui envoie des rappels.</translation>
    </message>
    <message>
        <source>Save the &amp;mail server</source>
        <translation>Enregistrer le serveur de &amp;courriel</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Loading the mail server…</source>
        <translation>Chargement du serveur de courriel…</translation>
    </message>
    <message>
        <source>Saving the mail server…</source>
        <translation>Enregistrement du serveur de courriel…</translation>
    </message>
    <message>
        <source>Mail server saved.</source>
        <translation>Serveur de courriel enregistré.</translation>
    </message>
    <message>
        <source>The mail server answered and accepted the sign-in.</source>
        <translation>Le serveur de courriel a répondu et accepté la connexion.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>Connexion à {host}…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO — made-up clients in a throwaway database, deleted when FrontDesk closes.</source>
        <translation>DÉMO — clients fictifs dans une base de données jetable, supprimée à la fermeture de FrontDesk.</translation>
    </message>
    <message>
        <source>FrontDesk — {name} ({role}) on {workstation}</source>
        <translation>FrontDesk — {name} ({role}) sur {workstation}</translation>
    </message>
    <message>
        <source>DEMO — {title}</source>
        <translation>DÉMO — {title}</translation>
    </message>
    <message>
        <source>&amp;Find a client</source>
        <translation>&amp;Rechercher un client</translation>
    </message>
    <message>
        <source>&amp;New client file…</source>
        <translation>&amp;Nouveau dossier client…</translation>
    </message>
    <message>
        <source>&amp;Book an appointment…</source>
        <translation>Prendre rendez-&amp;vous…</translation>
    </message>
    <message>
        <source>Log an &amp;opt-out request…</source>
        <translation>Enregistrer une &amp;demande de retrait…</translation>
    </message>
    <message>
        <source>Opt-out &amp;queue…</source>
        <translation>&amp;File des demandes de retrait…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close the file</source>
        <translation>Fer&amp;mer le dossier</translation>
    </message>
    <message>
        <source>&amp;Lock screen / switch user</source>
        <translation>&amp;Verrouiller / changer d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Changer mon mot de &amp;passe…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Rapports…</translation>
    </message>
    <message>
        <source>&amp;Export a contact list…</source>
        <translation>&amp;Exporter une liste de contacts…</translation>
    </message>
    <message>
        <source>&amp;Staff accounts…</source>
        <translation>&amp;Comptes du personnel…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About FrontDesk</source>
        <translation>À &amp;propos de FrontDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>&amp;Gestion</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>close FrontDesk</source>
        <translation>fermer FrontDesk</translation>
    </message>
    <message>
        <source>open another file</source>
        <translation>ouvrir un autre dossier</translation>
    </message>
    <message>
        <source>close the file</source>
        <translation>fermer le dossier</translation>
    </message>
    <message>
        <source>File {file} opened: {name}.</source>
        <translation>Dossier {file} ouvert&#xa0;: {name}.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The client&apos;s details have unsaved changes. Drop them and {doing}?</source>
        <translation>Les renseignements du client ont des modifications non enregistrées. Les abandonner et {doing}&#xa0;?</translation>
    </message>
    <message>
        <source>File {file} created for {name}.</source>
        <translation>Dossier {file} créé pour {name}.</translation>
    </message>
    <message>
        <source>Open a client file first (Ctrl+F to search).</source>
        <translation>Ouvrez d&apos;abord un dossier client (Ctrl+F pour rechercher).</translation>
    </message>
    <message>
        <source>Connection to the database is back. Save again anything that did not save.</source>
        <translation>La connexion à la base de données est rétablie. Enregistrez de nouveau ce qui n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <source>Only {name} can unlock this window.</source>
        <translation>Cette fenêtre ne peut être déverrouillée que par {name}.</translation>
    </message>
    <message>
        <source>About FrontDesk</source>
        <translation>À propos de FrontDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;FrontDesk&lt;/b&gt;&lt;br&gt;Client files, privacy consent and opt-out requests for the front desk of Quebec medical clinics.&lt;br&gt;&lt;br&gt;Database: {database}&lt;br&gt;Workstation: {workstation}</source>
        <translation>&lt;b&gt;FrontDesk&lt;/b&gt;&lt;br&gt;Dossiers clients, consentement et demandes de retrait pour l&apos;accueil des cliniques médicales du Québec.&lt;br&gt;&lt;br&gt;Base de données&#xa0;: {database}&lt;br&gt;Poste de travail&#xa0;: {workstation}</translation>
    </message>
</context>
<context>
    <name>ManageMenu</name>
    <message>
        <source>&amp;Import a client list…</source>
        <translation>&amp;Importer une liste de clients…</translation>
    </message>
    <message>
        <source>C&amp;linic settings…</source>
        <translation>Paramètres de la c&amp;linique…</translation>
    </message>
    <message>
        <source>&amp;Privacy policy versions…</source>
        <translation>Versions de la &amp;politique de confidentialité…</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <source>The first manager</source>
        <translation>Le premier gestionnaire</translation>
    </message>
    <message>
        <source>The manager signs in first and creates the other staff accounts.</source>
        <translation>Le gestionnaire se connecte en premier et crée les comptes des autres membres du personnel.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>F&amp;ull name</source>
        <translation>Nom &amp;complet</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Mot de passe (&amp;répété)</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe répété</translation>
    </message>
    <message>
        <source>e.g. marie.tremblay</source>
        <translation>p. ex. marie.tremblay</translation>
    </message>
    <message>
        <source>Password: at least {min} characters, with letters and digits.</source>
        <translation>Mot de passe : au moins {min} caractères, avec lettres et chiffres.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>For each field of the client file, choose the column of your file that holds it. Fields marked * are needed. The consent fields are imported only with a date, a method and the channels, and only if you confirm at the end that this evidence is the clinic&apos;s own.</source>
        <translation>Pour chaque champ du dossier client, choisissez la colonne de votre fichier qui le contient. Les champs marqués d&apos;un * sont obligatoires. Les champs du consentement ne sont importés qu&apos;avec une date, une méthode et les moyens consentis, et seulement si vous confirmez à la fin que cette preuve appartient à la clinique.</translation>
    </message>
    <message>
        <source>Column for {field}</source>
        <translation>Colonne pour {field}</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— non importé —</translation>
    </message>
    <message>
        <source>The columns chosen at the last import of a file like this one.</source>
        <translation>Les colonnes choisies lors de la dernière importation d&apos;un fichier semblable.</translation>
    </message>
    <message>
        <source>The columns were matched from their names: check each one.</source>
        <translation>Les colonnes ont été associées d&apos;après leur nom : vérifiez chacune.</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New staff account</source>
        <translation>Nouveau compte du personnel</translation>
    </message>
    <message>
        <source>e.g. marie.tremblay</source>
        <translation>p. ex. marie.tremblay</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nom c&amp;omplet</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Con&amp;firmation du mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmation du mot de passe</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>&amp;Créer le compte</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Création du compte…</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <source>New client file</source>
        <translation>Nouveau dossier client</translation>
    </message>
    <message>
        <source>Last name, first name and date of birth are required; the rest can wait.</source>
        <translation>Le nom, le prénom et la date de naissance sont obligatoires&#xa0;; le reste peut attendre.</translation>
    </message>
    <message>
        <source>&amp;Create file</source>
        <translation>&amp;Créer le dossier</translation>
    </message>
    <message>
        <source>Create file</source>
        <translation>Créer le dossier</translation>
    </message>
    <message>
        <source>Creating the file…</source>
        <translation>Création du dossier…</translation>
    </message>
    <message>
        <source>Creating the client file…</source>
        <translation>Création du dossier client…</translation>
    </message>
    <message>
        <source>✔ File {file} created.</source>
        <translation>✔ Dossier {file} créé.</translation>
    </message>
    <message>
        <source>Some fields need correcting: see the message under each one.</source>
        <translation>Certains champs sont à corriger&#xa0;: voyez le message sous chacun.</translation>
    </message>
</context>
<context>
    <name>OptOutCountsButton</name>
    <message>
        <source>Opt-out requests waiting</source>
        <translation>Demandes de retrait en attente</translation>
    </message>
    <message>
        <source>Open the opt-out queue (Ctrl+Shift+O)</source>
        <translation>Ouvrir la file des demandes de retrait (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Opt-outs: …</source>
        <translation>Retraits&#xa0;: …</translation>
    </message>
    <message>
        <source>Opt-outs: ?</source>
        <translation>Retraits&#xa0;:&#xa0;?</translation>
    </message>
    <message>
        <source>Opt-outs: {pending} pending · ⚠ {overdue} OVERDUE</source>
        <translation>Retraits&#xa0;: {pending} en attente · ⚠ {overdue} EN RETARD</translation>
    </message>
    <message>
        <source>Opt-outs: {pending} pending</source>
        <translation>Retraits&#xa0;: {pending} en attente</translation>
    </message>
    <message>
        <source>Opt-outs: none pending</source>
        <translation>Retraits&#xa0;: aucun en attente</translation>
    </message>
</context>
<context>
    <name>OptOutDialog</name>
    <message>
        <source>Log an opt-out request</source>
        <translation>Consigner une demande de retrait</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Client file</source>
        <translation>Dossier client</translation>
    </message>
    <message>
        <source>Problem with the client file</source>
        <translation>Problème avec le dossier client</translation>
    </message>
    <message>
        <source>What saving will do</source>
        <translation>Effet de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Save the opt-out request</source>
        <translation>Enregistrer la demande de retrait</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>Request as received</source>
        <translation>Demande telle que reçue</translation>
    </message>
    <message>
        <source>By &amp;phone</source>
        <translation>Par &amp;téléphone</translation>
    </message>
    <message>
        <source>&amp;In clinic</source>
        <translation>En c&amp;linique</translation>
    </message>
    <message>
        <source>By &amp;email</source>
        <translation>Par &amp;courriel</translation>
    </message>
    <message>
        <source>By p&amp;ost</source>
        <translation>Par la &amp;poste</translation>
    </message>
    <message>
        <source>Received: {how}</source>
        <translation>Reçue&#xa0;: {how}</translation>
    </message>
    <message>
        <source>Problem with how the request was received</source>
        <translation>Problème avec le mode de réception de la demande</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Date de réception</translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation>&amp;Date de réception&#xa0;:</translation>
    </message>
    <message>
        <source>Problem with the date received</source>
        <translation>Problème avec la date de réception</translation>
    </message>
    <message>
        <source>Requester&apos;s name, as given</source>
        <translation>Nom du demandeur, tel qu&apos;indiqué</translation>
    </message>
    <message>
        <source>Requester&apos;s phone, as given</source>
        <translation>Téléphone du demandeur, tel qu&apos;indiqué</translation>
    </message>
    <message>
        <source>Requester&apos;s email, as given</source>
        <translation>Courriel du demandeur, tel qu&apos;indiqué</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <source>Problem with the requester&apos;s name</source>
        <translation>Problème avec le nom du demandeur</translation>
    </message>
    <message>
        <source>Problem with the phone</source>
        <translation>Problème avec le téléphone</translation>
    </message>
    <message>
        <source>Problem with the email</source>
        <translation>Problème avec le courriel</translation>
    </message>
    <message>
        <source>Problem with the note</source>
        <translation>Problème avec la note</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Reçue&#xa0;:</translation>
    </message>
    <message>
        <source>Requester&apos;s &amp;name:</source>
        <translation>&amp;Nom du demandeur&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Télép&amp;hone&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>Courr&amp;iel&#xa0;:</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>N&amp;ote&#xa0;:</translation>
    </message>
    <message>
        <source>Type the name, phone and email exactly as the requester gave them.</source>
        <translation>Entrez le nom, le téléphone et le courriel exactement comme le demandeur les a donnés.</translation>
    </message>
    <message>
        <source>&amp;Date the letter arrived:</source>
        <translation>&amp;Date d&apos;arrivée de la lettre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date the email arrived:</source>
        <translation>&amp;Date d&apos;arrivée du courriel&#xa0;:</translation>
    </message>
    <message>
        <source>Choose how the request was received.</source>
        <translation>Indiquez comment la demande a été reçue.</translation>
    </message>
    <message>
        <source>Takes effect immediately: when you save, consent is withdrawn for {what}.</source>
        <translation>Prend effet immédiatement&#xa0;: à l&apos;enregistrement, le consentement est retiré pour {what}.</translation>
    </message>
    <message>
        <source>Match the request to a client file first.</source>
        <translation>Associez d&apos;abord la demande à un dossier client.</translation>
    </message>
    <message>
        <source>Client: {client}.</source>
        <translation>Client&#xa0;: {client}.</translation>
    </message>
    <message>
        <source>Goes to the opt-out queue. Covers: {what}.</source>
        <translation>Va dans la file des demandes de retrait. Portée&#xa0;: {what}.</translation>
    </message>
    <message>
        <source>Goes to the opt-out queue. Due by {due}: {days} Quebec business days after it was received ({received}). Covers: {what}.</source>
        <translation>Va dans la file des demandes de retrait. Échéance le {due}&#xa0;: {days} jours ouvrables (Québec) après la réception ({received}). Portée&#xa0;: {what}.</translation>
    </message>
    <message>
        <source>It is already OVERDUE.</source>
        <translation>Elle est déjà EN RETARD.</translation>
    </message>
    <message>
        <source>The request was not saved.</source>
        <translation>La demande n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>Saving the opt-out request…</source>
        <translation>Enregistrement de la demande de retrait…</translation>
    </message>
    <message>
        <source>Withdrawn now: {what}. Client: {client}.</source>
        <translation>Retiré dès maintenant&#xa0;: {what}. Client&#xa0;: {client}.</translation>
    </message>
    <message>
        <source>Logged and added to the opt-out queue. Due by {due}. Covers: {what}.</source>
        <translation>Consignée et ajoutée à la file des demandes de retrait. Échéance le {due}. Portée&#xa0;: {what}.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation>Corrigez ce qui est indiqué en rouge.</translation>
    </message>
    <message>
        <source>The request was not saved. {detail} Nothing you typed was lost.</source>
        <translation>La demande n&apos;a pas été enregistrée. {detail} Rien de ce que vous avez saisi n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>The opt-out request has not been saved. Close anyway?</source>
        <translation>La demande de retrait n&apos;a pas été enregistrée. Fermer quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>OptOutQueueWindow</name>
    <message>
        <source>Overdue requests are marked OVERDUE in red.</source>
        <translation>Les demandes en retard sont marquées EN RETARD en rouge.</translation>
    </message>
    <message>
        <source>Pending opt-out requests</source>
        <translation>Demandes de retrait en attente</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>Détails de la demande sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Match to client…</source>
        <translation>&amp;Associer à un client…</translation>
    </message>
    <message>
        <source>Match the selected request to a client file</source>
        <translation>Associer la demande sélectionnée à un dossier client</translation>
    </message>
    <message>
        <source>&amp;Confirmation sent to the requester</source>
        <translation>&amp;Confirmation envoyée au demandeur</translation>
    </message>
    <message>
        <source>Confirmation sent to the requester</source>
        <translation>Confirmation envoyée au demandeur</translation>
    </message>
    <message>
        <source>&amp;Process…</source>
        <translation>&amp;Traiter…</translation>
    </message>
    <message>
        <source>Process the selected request: withdraw its consent</source>
        <translation>Traiter la demande sélectionnée&#xa0;: retirer le consentement visé</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Actualiser la liste</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>The list could not be loaded: {detail}</source>
        <translation>Impossible de charger la liste&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Counting opt-out requests…</source>
        <translation>Décompte des demandes de retrait…</translation>
    </message>
    <message>
        <source>Opt-out requests</source>
        <translation>Demandes de retrait</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Opt-out requests — {pending} pending, {overdue} overdue</source>
        <translation>Demandes de retrait — {pending} en attente, {overdue} en retard</translation>
    </message>
    <message>
        <source>{pending} pending · {overdue} OVERDUE</source>
        <translation>{pending} en attente · {overdue} EN RETARD</translation>
    </message>
    <message>
        <source>{pending} pending · none overdue</source>
        <translation>{pending} en attente · aucune en retard</translation>
    </message>
    <message>
        <source>Select a request to see it here.</source>
        <translation>Sélectionnez une demande pour l&apos;afficher ici.</translation>
    </message>
    <message>
        <source>Match the request to a client file first.</source>
        <translation>Associez d&apos;abord la demande à un dossier client.</translation>
    </message>
    <message>
        <source>Requester, as given:</source>
        <translation>Demandeur, tel qu&apos;indiqué&#xa0;:</translation>
    </message>
    <message>
        <source>Received by {via} on {date}; due {due}.</source>
        <translation>Reçue le {date} ({via})&#xa0;; échéance le {due}.</translation>
    </message>
    <message>
        <source>Stop: {purposes}</source>
        <translation>À cesser&#xa0;: {purposes}</translation>
    </message>
    <message>
        <source>Channels: {channels}</source>
        <translation>Moyens&#xa0;: {channels}</translation>
    </message>
    <message>
        <source>Client: {client}</source>
        <translation>Client&#xa0;: {client}</translation>
    </message>
    <message>
        <source>not matched</source>
        <translation>non associée</translation>
    </message>
    <message>
        <source>Logged by {who} on {when}.</source>
        <translation>Consignée par {who} le {when}.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>OVERDUE since {due}</source>
        <translation>EN RETARD depuis le {due}</translation>
    </message>
    <message>
        <source>Requester as given: {name}{contact}</source>
        <translation>Demandeur, tel qu&apos;indiqué&#xa0;: {name}{contact}</translation>
    </message>
    <message>
        <source>Matching the request…</source>
        <translation>Association de la demande…</translation>
    </message>
    <message>
        <source>Matched to {client}.</source>
        <translation>Associée à {client}.</translation>
    </message>
    <message>
        <source>Process this request?</source>
        <translation>Traiter cette demande&#xa0;?</translation>
    </message>
    <message>
        <source>Consent will be withdrawn now for {client}:
{scope}

This is recorded for good and cannot be undone.</source>
        <translation>Le consentement sera retiré dès maintenant pour {client}&#xa0;:
{scope}

Ce retrait est enregistré définitivement et ne peut pas être annulé.</translation>
    </message>
    <message>
        <source>Processing the request…</source>
        <translation>Traitement de la demande…</translation>
    </message>
    <message>
        <source>Processed: consent withdrawn for {client} — {scope}.</source>
        <translation>Traitée&#xa0;: consentement retiré pour {client} — {scope}.</translation>
    </message>
</context>
<context>
    <name>OptOutScope</name>
    <message>
        <source>every channel</source>
        <translation>tous les moyens</translation>
    </message>
    <message>
        <source>Everything, including appointment reminders</source>
        <translation>Tout, y compris les rappels de rendez-vous</translation>
    </message>
    <message>
        <source>All promotional (reminders kept)</source>
        <translation>Toutes les finalités promotionnelles (rappels conservés)</translation>
    </message>
    <message>
        <source>All promotional except the parent company (reminders kept)</source>
        <translation>Toutes les finalités promotionnelles sauf la société mère (rappels conservés)</translation>
    </message>
</context>
<context>
    <name>OptOutScopeBox</name>
    <message>
        <source>What to stop</source>
        <translation>Communications à cesser</translation>
    </message>
    <message>
        <source>&amp;All promotional communications (keeps appointment reminders)</source>
        <translation>Toutes les communications pro&amp;motionnelles (garde les rappels de rendez-vous)</translation>
    </message>
    <message>
        <source>E&amp;verything, including appointment reminders</source>
        <translation>To&amp;ut, y compris les rappels de rendez-vous</translation>
    </message>
    <message>
        <source>C&amp;hoose the purposes</source>
        <translation>Choisir les &amp;finalités</translation>
    </message>
    <message>
        <source>including the parent &amp;company ({name})</source>
        <translation>y compris la &amp;société mère ({name})</translation>
    </message>
    <message>
        <source>Including the parent company, {name}</source>
        <translation>Y compris la société mère, {name}</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Moyens&#xa0;:</translation>
    </message>
    <message>
        <source>Channel: {name}</source>
        <translation>Moyen&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Problem with what to stop</source>
        <translation>Problème avec les communications à cesser</translation>
    </message>
</context>
<context>
    <name>OptOuts</name>
    <message>
        <source>Everything, reminders included</source>
        <translation>Tout, rappels compris</translation>
    </message>
    <message>
        <source>All promotions</source>
        <translation>Toutes les promotions</translation>
    </message>
    <message>
        <source>all channels</source>
        <translation>tous les moyens</translation>
    </message>
    <message>
        <source>✔ Processed {when} by {who}</source>
        <translation>✔ Traitée le {when} par {who}</translation>
    </message>
    <message>
        <source>✖ OVERDUE since {due}</source>
        <translation>✖ EN RETARD depuis le {due}</translation>
    </message>
    <message>
        <source>⚠ Pending, due {due}</source>
        <translation>⚠ En attente, échéance le {due}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandée par</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Consignée par</translation>
    </message>
    <message>
        <source>Opt-out requests for this client</source>
        <translation>Demandes de retrait de ce client</translation>
    </message>
</context>
<context>
    <name>OptOutsTab</name>
    <message>
        <source>No opt-out request for this client.</source>
        <translation>Aucune demande de retrait pour ce client.</translation>
    </message>
    <message>
        <source>{count} request(s), {pending} pending.</source>
        <translation>{count} demande(s), {pending} en attente.</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Organisation &amp;name:</source>
        <translation>&amp;Nom de l&apos;organisation&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Parent organisation (empty if none):</source>
        <translation>Organisation &amp;mère (vide s&apos;il n&apos;y en a pas)&#xa0;:</translation>
    </message>
    <message>
        <source>Privacy &amp;officer:</source>
        <translation>&amp;Responsable de la protection&#xa0;:</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;title:</source>
        <translation>&amp;Titre du responsable&#xa0;:</translation>
    </message>
    <message>
        <source>How to &amp;reach the officer:</source>
        <translation>Comment &amp;joindre le responsable&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Easter holiday observed:</source>
        <translation>&amp;Congé de Pâques observé&#xa0;:</translation>
    </message>
    <message>
        <source>Opt-out &amp;delay (business days, at most {max}):</source>
        <translation>&amp;Délai des retraits (jours ouvrables, {max} au plus)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after (minutes idle):</source>
        <translation>&amp;Verrouiller l&apos;écran après (minutes d&apos;inactivité)&#xa0;:</translation>
    </message>
    <message>
        <source>Review &amp;files:</source>
        <translation>Réviser les &amp;dossiers&#xa0;:</translation>
    </message>
    <message>
        <source> year after the last contact</source>
        <translation> an après le dernier contact</translation>
    </message>
    <message>
        <source> years after the last contact</source>
        <translation> ans après le dernier contact</translation>
    </message>
    <message>
        <source>Review files {years} years after the last contact</source>
        <translation>Réviser les dossiers {years} ans après le dernier contact</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>The organisation</source>
        <translation>L&apos;organisation</translation>
    </message>
    <message>
        <source>Its name and its privacy officer appear on every document a client reads or signs.</source>
        <translation>Son nom et son responsable de la protection figurent sur chaque document qu&apos;un client lit ou signe.</translation>
    </message>
    <message>
        <source>Or&amp;ganisation name</source>
        <translation>Nom de l&apos;&amp;organisation</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Nom de l&apos;organisation</translation>
    </message>
    <message>
        <source>Pa&amp;rent organisation</source>
        <translation>Organisation &amp;mère</translation>
    </message>
    <message>
        <source>Parent organisation</source>
        <translation>Organisation mère</translation>
    </message>
    <message>
        <source>Privacy &amp;officer</source>
        <translation>&amp;Responsable de la protection</translation>
    </message>
    <message>
        <source>Privacy officer&apos;s name</source>
        <translation>Nom du responsable de la protection</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;title</source>
        <translation>&amp;Titre du responsable</translation>
    </message>
    <message>
        <source>Privacy officer&apos;s title</source>
        <translation>Titre du responsable de la protection</translation>
    </message>
    <message>
        <source>How to rea&amp;ch them</source>
        <translation>Pour le &amp;joindre</translation>
    </message>
    <message>
        <source>How to reach the privacy officer</source>
        <translation>Pour joindre le responsable de la protection</translation>
    </message>
    <message>
        <source>&amp;Easter holiday</source>
        <translation>Congé de &amp;Pâques</translation>
    </message>
    <message>
        <source>Easter holiday observed</source>
        <translation>Congé de Pâques observé</translation>
    </message>
    <message>
        <source>Opt-out &amp;delay</source>
        <translation>&amp;Délai des retraits</translation>
    </message>
    <message>
        <source>Opt-out processing delay</source>
        <translation>Délai de traitement des retraits</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>&amp;Verrouiller après</translation>
    </message>
    <message>
        <source>Idle-lock delay</source>
        <translation>Délai de verrouillage après inactivité</translation>
    </message>
    <message>
        <source>None (leave empty)</source>
        <translation>Aucune (laisser vide)</translation>
    </message>
    <message>
        <source>e.g. Clinic manager</source>
        <translation>p. ex. Directrice de la clinique</translation>
    </message>
    <message>
        <source>e.g. 418 555-0123 or privacy@clinic.ca</source>
        <translation>p. ex. 418 555-0123 ou confidentialite@clinique.ca</translation>
    </message>
    <message>
        <source>Good Friday</source>
        <translation>Vendredi saint</translation>
    </message>
    <message>
        <source>Easter Monday</source>
        <translation>Lundi de Pâques</translation>
    </message>
    <message>
        <source> business days</source>
        <translation> jours ouvrables</translation>
    </message>
    <message>
        <source> minutes without activity</source>
        <translation> minutes sans activité</translation>
    </message>
    <message>
        <source>The law allows at most {max} business days to act on an opt-out received by email or post; the clinic may choose less. Quebec employers observe either Good Friday or Easter Monday.</source>
        <translation>La loi accorde au plus {max} jours ouvrables pour donner suite à un retrait reçu par courriel ou par la poste ; la clinique peut choisir moins. Les employeurs du Québec observent le Vendredi saint ou le lundi de Pâques.</translation>
    </message>
</context>
<context>
    <name>PdfPageView</name>
    <message>
        <source>Document pages</source>
        <translation>Pages du document</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédente</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Page précédente (Page préc.)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Suivante ▶</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Page suivante (Page suiv.)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>&amp;Zoom</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation>Imprimer le document (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>Save an exact copy of the document (Ctrl+S)</source>
        <translation>Enregistrer une copie exacte du document (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>Fermer l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation>État de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Lecture du document…</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>Aucune page</translation>
    </message>
    <message>
        <source>The document cannot be shown: {detail}</source>
        <translation>Impossible d&apos;afficher le document&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Page {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Page {page} de {count}</translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation>Affichage des pages…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Enregistrement du PDF…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impression annulée.</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>Préparation de l&apos;impression…</translation>
    </message>
    <message>
        <source>Printing page {page} of {count}…</source>
        <translation>Impression de la page {page} de {count}…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Impossible de démarrer l&apos;imprimante.</translation>
    </message>
    <message>
        <source>The printer refused the document.</source>
        <translation>L&apos;imprimante a refusé le document.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page envoyée à l&apos;imprimante.</numerusform>
            <numerusform>%n pages envoyées à l&apos;imprimante.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: {detail}</source>
        <translation>Échec de l&apos;impression&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Printing… the preview closes once every page is sent.</source>
        <translation>Impression… l&apos;aperçu se fermera une fois toutes les pages envoyées.</translation>
    </message>
</context>
<context>
    <name>PendingOptOutModel</name>
    <message>
        <source>Received via</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Business days left</source>
        <translation>Jours ouvrables restants</translation>
    </message>
    <message>
        <source>Requester (as given)</source>
        <translation>Demandeur (tel qu&apos;indiqué)</translation>
    </message>
    <message>
        <source>Matched client</source>
        <translation>Client associé</translation>
    </message>
    <message>
        <source>What to stop</source>
        <translation>À cesser</translation>
    </message>
    <message>
        <source>Loading opt-out requests…</source>
        <translation>Chargement des demandes de retrait…</translation>
    </message>
    <message>
        <source>Quebec business days: weekends and Quebec statutory holidays do not count.</source>
        <translation>Jours ouvrables (Québec)&#xa0;: les fins de semaine et les jours fériés du Québec ne comptent pas.</translation>
    </message>
    <message>
        <source>OVERDUE · {n} late</source>
        <translation>EN RETARD de {n} j</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Échéance aujourd&apos;hui</translation>
    </message>
    <message>
        <source>{n} (due soon)</source>
        <translation>{n} (échéance proche)</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>Non associée</translation>
    </message>
    <message>
        <source>File of client {id}</source>
        <translation>Dossier du client {id}</translation>
    </message>
</context>
<context>
    <name>PhoneList</name>
    <message>
        <source>Mobile (texts)</source>
        <translation>Cellulaire (textos)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Add a number</source>
        <translation>Ajouter un numéro</translation>
    </message>
    <message>
        <source>Kind of number %1</source>
        <translation>Type du numéro %1</translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation>Téléphone %1</translation>
    </message>
    <message>
        <source>418 555-0123</source>
        <translation>418 555-0123</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove phone %1</source>
        <translation>Retirer le téléphone %1</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Publishing</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Privacy policy versions</source>
        <translation>Versions de la politique de confidentialité</translation>
    </message>
    <message>
        <source>A published version never changes. From its effective date, clients who acknowledged an older version are asked to acknowledge it. Texts are UTF-8 files.</source>
        <translation>Une version publiée ne change jamais. À partir de sa date d&apos;entrée en vigueur, les clients qui ont pris connaissance d&apos;une version antérieure sont invités à prendre connaissance de celle-ci. Les textes sont des fichiers UTF-8.</translation>
    </message>
    <message>
        <source>Published versions</source>
        <translation>Versions publiées</translation>
    </message>
    <message>
        <source>&amp;Effective date:</source>
        <translation>&amp;Date d&apos;entrée en vigueur&#xa0;:</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>&amp;French full text:</source>
        <translation>Texte complet &amp;français&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;nglish full text:</source>
        <translation>Texte complet a&amp;nglais&#xa0;:</translation>
    </message>
    <message>
        <source>French desk &amp;summary:</source>
        <translation>&amp;Résumé français pour l&apos;accueil&#xa0;:</translation>
    </message>
    <message>
        <source>English desk s&amp;ummary:</source>
        <translation>Résumé anglais pour l&apos;a&amp;ccueil&#xa0;:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the file: {what}</source>
        <translation>Choisir le fichier&#xa0;: {what}</translation>
    </message>
    <message>
        <source>&amp;Publish this version</source>
        <translation>&amp;Publier cette version</translation>
    </message>
    <message>
        <source>Loading the policy versions…</source>
        <translation>Chargement des versions de la politique…</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Publishing the policy version…</source>
        <translation>Publication de la version de la politique…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>Version {version} is published.</source>
        <translation>La version {version} est publiée.</translation>
    </message>
    <message>
        <source>Not published: correct what is shown in red. Nothing typed was lost.</source>
        <translation>Non publiée&#xa0;: corrigez ce qui est en rouge. Rien de ce qui a été saisi n&apos;est perdu.</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>The privacy policy</source>
        <translation>La politique de confidentialité</translation>
    </message>
    <message>
        <source>The clinic&apos;s own texts, as clients read them; they are kept unchanged once saved.</source>
        <translation>Les textes de la clinique, tels que les clients les lisent ; une fois enregistrés, ils ne changent plus.</translation>
    </message>
    <message>
        <source>In force &amp;from</source>
        <translation>En vigueur &amp;à partir du</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>Full text in French</source>
        <translation>Texte intégral en français</translation>
    </message>
    <message>
        <source>Full text in English</source>
        <translation>Texte intégral en anglais</translation>
    </message>
    <message>
        <source>Desk summary in French</source>
        <translation>Résumé pour l&apos;accueil en français</translation>
    </message>
    <message>
        <source>Desk summary in English</source>
        <translation>Résumé pour l&apos;accueil en anglais</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Choose the file: {what}</source>
        <translation>Choisir le fichier : {what}</translation>
    </message>
    <message>
        <source>Plain text files saved as UTF-8. The summary is what the desk reads to a client before asking for consent.</source>
        <translation>Fichiers texte enregistrés en UTF-8. Le résumé est ce que l&apos;accueil lit au client avant de demander son consentement.</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <source>{file} — {count} characters — “{line}”</source>
        <translation>{file} — {count} caractères — « {line} »</translation>
    </message>
</context>
<context>
    <name>PolicySigningDialog</name>
    <message>
        <source>Sign the privacy policy — {client}</source>
        <translation>Faire signer la politique de confidentialité — {client}</translation>
    </message>
    <message>
        <source>{client} · file {file} · born {born} ({age} years old) · speaks {language}</source>
        <translation>{client} · dossier {file} · naissance {born} ({age} ans) · langue&#xa0;: {language}</translation>
    </message>
    <message>
        <source>Privacy policy in force today</source>
        <translation>Politique de confidentialité en vigueur aujourd&apos;hui</translation>
    </message>
    <message>
        <source>&amp;Print a copy for the client once recorded</source>
        <translation>&amp;Imprimer une copie pour le client une fois l&apos;accusé enregistré</translation>
    </message>
    <message>
        <source>Record the ac&amp;knowledgment</source>
        <translation>&amp;Enregistrer l&apos;accusé de réception</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>The policy could not be loaded: {detail}</source>
        <translation>Impossible de charger la politique&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Loading the privacy policy in force today…</source>
        <translation>Chargement de la politique de confidentialité en vigueur aujourd&apos;hui…</translation>
    </message>
    <message>
        <source>Privacy policy in force today: version {version}.</source>
        <translation>Politique de confidentialité en vigueur aujourd&apos;hui&#xa0;: version {version}.</translation>
    </message>
    <message>
        <source>Already acknowledged: version {version}, signed on {date}. No new signature is needed.</source>
        <translation>Accusé de réception déjà signé&#xa0;: version {version}, le {date}. Aucune nouvelle signature n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>Loading the privacy policy…</source>
        <translation>Chargement de la politique de confidentialité…</translation>
    </message>
    <message>
        <source>Nothing was recorded: check the signature.</source>
        <translation>Rien n&apos;a été enregistré&#xa0;: vérifiez la signature.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Recording the acknowledgment…</source>
        <translation>Enregistrement de l&apos;accusé de réception…</translation>
    </message>
    <message>
        <source>Sign again?</source>
        <translation>Signer de nouveau&#xa0;?</translation>
    </message>
    <message>
        <source>The client already signed version {version} on {date}, which is the version in force. Record a new acknowledgment anyway?</source>
        <translation>Le client a déjà signé la version {version} le {date}, qui est la version en vigueur. Enregistrer quand même un nouvel accusé de réception&#xa0;?</translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation>Corrigez ce qui est indiqué en rouge.</translation>
    </message>
    <message>
        <source>The acknowledgment was not recorded. {detail} Nothing you entered was lost.</source>
        <translation>L&apos;accusé de réception n&apos;a pas été enregistré. {detail} Rien de ce que vous avez saisi n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>Recording… please wait a moment.</source>
        <translation>Enregistrement… veuillez patienter un instant.</translation>
    </message>
    <message>
        <source>Cancel the signature?</source>
        <translation>Annuler la signature&#xa0;?</translation>
    </message>
    <message>
        <source>Close without recording? The signature drawn will be lost.</source>
        <translation>Fermer sans enregistrer&#xa0;? La signature tracée sera perdue.</translation>
    </message>
</context>
<context>
    <name>PolicyTextDialog</name>
    <message>
        <source>Full text of the privacy policy</source>
        <translation>Texte intégral de la politique de confidentialité</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PolicyVersions</name>
    <message>
        <source>Effective</source>
        <translation>En vigueur le</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Text SHA-256</source>
        <translation>SHA-256 du texte</translation>
    </message>
    <message>
        <source>Summary SHA-256</source>
        <translation>SHA-256 du résumé</translation>
    </message>
    <message>
        <source>(none: the desk shows the full text)</source>
        <translation>(aucun&#xa0;: l&apos;accueil montre le texte complet)</translation>
    </message>
</context>
<context>
    <name>PractitionersPage</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;pecialty (schedule only):</source>
        <translation>S&amp;pécialité (horaire seulement)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>D&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Mo&amp;tif&#xa0;:</translation>
    </message>
    <message>
        <source>Monday:</source>
        <translation>Lundi&#xa0;:</translation>
    </message>
    <message>
        <source>Tuesday:</source>
        <translation>Mardi&#xa0;:</translation>
    </message>
    <message>
        <source>Wednesday:</source>
        <translation>Mercredi&#xa0;:</translation>
    </message>
    <message>
        <source>Thursday:</source>
        <translation>Jeudi&#xa0;:</translation>
    </message>
    <message>
        <source>Friday:</source>
        <translation>Vendredi&#xa0;:</translation>
    </message>
    <message>
        <source>Saturday:</source>
        <translation>Samedi&#xa0;:</translation>
    </message>
    <message>
        <source>Sunday:</source>
        <translation>Dimanche&#xa0;:</translation>
    </message>
    <message>
        <source>Practitioners of the site</source>
        <translation>Praticiens de la clinique</translation>
    </message>
    <message>
        <source>New practitioner</source>
        <translation>Nouveau praticien</translation>
    </message>
    <message>
        <source>Active (can be booked)</source>
        <translation>Actif (peut recevoir des rendez-vous)</translation>
    </message>
    <message>
        <source>Hours as 8:00-12:00, 13:00-17:00; an empty line is a day off. Booked appointments stay.</source>
        <translation>Heures sous la forme 8:00-12:00, 13:00-17:00&#xa0;; une ligne vide est un jour de congé. Les rendez-vous déjà pris restent.</translation>
    </message>
    <message>
        <source>Sa&amp;ve the practitioner</source>
        <translation>&amp;Enregistrer le praticien</translation>
    </message>
    <message>
        <source>Days off (vacation, closed days)</source>
        <translation>Congés (vacances, jours de fermeture)</translation>
    </message>
    <message>
        <source>&amp;Add the days off</source>
        <translation>&amp;Ajouter le congé</translation>
    </message>
    <message>
        <source>Remove the days off chosen</source>
        <translation>Retirer le congé choisi</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (inactif)</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>Give the practitioner&apos;s name.</source>
        <translation>Donnez le nom du praticien.</translation>
    </message>
    <message>
        <source>“{piece}” is not hours: write them as 8:00-12:00.</source>
        <translation>«&#xa0;{piece}&#xa0;» n&apos;est pas une plage d&apos;heures&#xa0;: écrivez-la sous la forme 8:00-12:00.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>The first rows as they will be saved</source>
        <translation>Les premières lignes telles qu&apos;elles seront enregistrées</translation>
    </message>
    <message>
        <source>A letter may be lost here: check the encoding.</source>
        <translation>Une lettre a peut-être été perdue ici : vérifiez le codage.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the file, as they will be saved. Nothing is written yet: the next step checks every row.</source>
        <translation>
            <numerusform>Aperçu de %n ligne du fichier, telle qu&apos;elle sera enregistrée. Rien n&apos;est encore écrit : l&apos;étape suivante vérifie toutes les lignes.</numerusform>
            <numerusform>Aperçu des %n premières lignes du fichier, telles qu&apos;elles seront enregistrées. Rien n&apos;est encore écrit : l&apos;étape suivante vérifie toutes les lignes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file holds %n client row(s) in all.</source>
        <translation>
            <numerusform>Le fichier contient %n ligne de client en tout.</numerusform>
            <numerusform>Le fichier contient %n lignes de clients en tout.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the rows shown will not be imported: see their problems.</source>
        <translation>
            <numerusform>%n des lignes affichées ne sera pas importée : voyez ses problèmes.</numerusform>
            <numerusform>%n des lignes affichées ne seront pas importées : voyez leurs problèmes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the rows shown may be clients already on file: you decide at the end.</source>
        <translation>
            <numerusform>%n des lignes affichées est peut-être un client déjà inscrit : vous déciderez à la fin.</numerusform>
            <numerusform>%n des lignes affichées sont peut-être des clients déjà inscrits : vous déciderez à la fin.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>&amp;Privacy</source>
        <extracomment>What each entry needs, by its action&apos;s object name, in the menu&apos;s order (None: a separator).</extracomment>
        <translation>C&amp;onfidentialité</translation>
    </message>
    <message>
        <source>Log an &amp;access request…</source>
        <translation>Consigner une demande d&apos;&amp;accès…</translation>
    </message>
    <message>
        <source>Record a &amp;disclosure…</source>
        <translation>Consigner une &amp;communication…</translation>
    </message>
    <message>
        <source>Disclosure &amp;register…</source>
        <translation>&amp;Registre des communications…</translation>
    </message>
    <message>
        <source>Confidentiality &amp;incidents…</source>
        <translation>&amp;Incidents de confidentialité…</translation>
    </message>
    <message>
        <source>Access and rectification re&amp;quests…</source>
        <translation>Demandes d&apos;accès et de rec&amp;tification…</translation>
    </message>
    <message>
        <source>Re&amp;tention review…</source>
        <translation>Révision de la conser&amp;vation…</translation>
    </message>
</context>
<context>
    <name>RecordListTab</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>ReminderEntry</name>
    <message>
        <source>Appointment &amp;reminders…</source>
        <translation>&amp;Rappels de rendez-vous…</translation>
    </message>
</context>
<context>
    <name>ReminderHistory</name>
    <message>
        <source>Reminded</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Reminders sent or exported, latest first:</source>
        <translation>Rappels envoyés ou exportés, le plus récent en premier :</translation>
    </message>
    <message>
        <source>Reminders sent or exported</source>
        <translation>Rappels envoyés ou exportés</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Reminders in progress</source>
        <translation>Rappels en cours</translation>
    </message>
    <message>
        <source>Reminders result</source>
        <translation>Résultat des rappels</translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation>Rappels de rendez-vous</translation>
    </message>
    <message>
        <source>Each appointment is reminded by the first channel its client consents to for appointment reminders, with no pending opt-out request covering it and an address in the file: email, else a text message, else a phone call. A reminder gives the date, time, clinic and how to cancel, never the reason for the visit. Every reminder sent or exported is recorded.</source>
        <translation>Chaque rendez-vous est rappelé par le premier moyen auquel le client consent pour les rappels de rendez-vous, sans demande de retrait en attente qui le vise et avec une adresse au dossier : le courriel, sinon un texto, sinon un appel. Un rappel donne la date, l&apos;heure, la clinique et la façon d&apos;annuler, jamais le motif de la visite. Chaque rappel envoyé ou exporté est consigné.</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>Day of the appointments</source>
        <translation>Jour des rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Send the emails</source>
        <translation>&amp;Envoyer les courriels</translation>
    </message>
    <message>
        <source>E&amp;xport the SMS file and call sheet…</source>
        <translation>E&amp;xporter le fichier de textos et la liste d&apos;appels…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading the day&apos;s appointments…</source>
        <translation>Lecture des rendez-vous du jour…</translation>
    </message>
    <message>
        <source>Email ({count})</source>
        <translation>Courriel ({count})</translation>
    </message>
    <message>
        <source>SMS file ({count})</source>
        <translation>Fichier de textos ({count})</translation>
    </message>
    <message>
        <source>Call sheet ({count})</source>
        <translation>Liste d&apos;appels ({count})</translation>
    </message>
    <message>
        <source>Not to remind ({count})</source>
        <translation>Ne pas rappeler ({count})</translation>
    </message>
    <message>
        <source>Sending the email reminders…</source>
        <translation>Envoi des rappels par courriel…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message numerus="yes">
        <source>%n email reminder(s) sent.</source>
        <translation>
            <numerusform>%n rappel envoyé par courriel.</numerusform>
            <numerusform>%n rappels envoyés par courriel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already sent earlier.</source>
        <translation>
            <numerusform>%n déjà envoyé plus tôt.</numerusform>
            <numerusform>%n déjà envoyés plus tôt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent to {name}: {reason}</source>
        <translation>Non envoyé à {name} : {reason}</translation>
    </message>
    <message>
        <source>Write the SMS file and the call sheet into</source>
        <translation>Écrire le fichier de textos et la liste d&apos;appels dans</translation>
    </message>
    <message>
        <source>Writing the SMS file and the call sheet…</source>
        <translation>Écriture du fichier de textos et de la liste d&apos;appels…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <source>SMS file (%n message(s)): {path}</source>
        <translation>
            <numerusform>Fichier de textos (%n message) : {path}</numerusform>
            <numerusform>Fichier de textos (%n messages) : {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call sheet (%n call(s)): {path}</source>
        <translation>
            <numerusform>Liste d&apos;appels (%n appel) : {path}</numerusform>
            <numerusform>Liste d&apos;appels (%n appels) : {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Consent coverage</source>
        <translation>Couverture du consentement</translation>
    </message>
    <message>
        <source>Opt-out register</source>
        <translation>Registre des demandes de retrait</translation>
    </message>
    <message>
        <source>Re-acknowledgment needed</source>
        <translation>Accusés de réception à faire signer de nouveau</translation>
    </message>
    <message>
        <source>Access log for one client</source>
        <translation>Journal des accès à un dossier</translation>
    </message>
    <message>
        <source>Exports log</source>
        <translation>Journal des exportations</translation>
    </message>
    <message>
        <source>Disclosure register</source>
        <translation>Registre des communications</translation>
    </message>
    <message>
        <source>Incident register</source>
        <translation>Registre des incidents de confidentialité</translation>
    </message>
    <message>
        <source>Access and rectification requests</source>
        <translation>Demandes d&apos;accès et de rectification</translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation>Révision de la conservation</translation>
    </message>
    <message>
        <source>Anonymisations register</source>
        <translation>Registre des anonymisations</translation>
    </message>
    <message>
        <source>How many clients consent to each use, by channel, and how that changed over the period.</source>
        <translation>Combien de clients consentent à chaque finalité, par moyen de communication, et l&apos;évolution au cours de la période.</translation>
    </message>
    <message>
        <source>Every opt-out request received in the period, with its deadline and when it was processed.</source>
        <translation>Toutes les demandes de retrait reçues dans la période, avec leur échéance et leur date de traitement.</translation>
    </message>
    <message>
        <source>Clients who must acknowledge the current privacy policy again (or have not yet).</source>
        <translation>Clients qui doivent signer de nouveau l&apos;accusé de réception de la politique de confidentialité en vigueur (ou ne l&apos;ont pas encore fait).</translation>
    </message>
    <message>
        <source>Who opened, changed, printed or exported one client&apos;s file, and when. Privacy officer only.</source>
        <translation>Qui a ouvert, modifié, imprimé ou exporté le dossier d&apos;un client, et quand. Réservé au responsable de la protection des renseignements personnels.</translation>
    </message>
    <message>
        <source>Every contact list exported in the period: purpose, channel, row count and file fingerprint.</source>
        <translation>Toutes les listes de contacts exportées dans la période&#xa0;: finalité, moyen, nombre de lignes et empreinte du fichier.</translation>
    </message>
    <message>
        <source>Every disclosure of personal information outside the clinic in the period: recipient, legal basis, information, files, who authorised it and how it was sent, with the corrections.</source>
        <translation>Chaque communication de renseignements personnels hors de la clinique pendant la période&#xa0;: destinataire, fondement légal, renseignements, dossiers, qui l&apos;a autorisée et comment elle a été transmise, avec les corrections.</translation>
    </message>
    <message>
        <source>Every confidentiality incident the clinic became aware of in the period, as its latest version describes it: risk of serious injury, notices, measures, and until when it is kept. Privacy officer only.</source>
        <translation>Chaque incident de confidentialité dont la clinique a pris connaissance pendant la période, tel que sa dernière version le décrit&#xa0;: risque de préjudice sérieux, avis, mesures et date jusqu&apos;à laquelle il est conservé. Responsable de la protection des renseignements personnels seulement.</translation>
    </message>
    <message>
        <source>Every access or rectification request received in the period: due date (30 days), identity check, answer or refusal, and the overdue ones. Privacy officer only.</source>
        <translation>Chaque demande d&apos;accès ou de rectification reçue pendant la période&#xa0;: échéance (30 jours), vérification de l&apos;identité, réponse ou refus, et celles en retard. Responsable de la protection seulement.</translation>
    </message>
    <message>
        <source>The files past the retention rule on the period&apos;s last day, and how many were left out and why. Privacy officer only.</source>
        <translation>Les dossiers ayant dépassé la règle de conservation au dernier jour de la période, et combien ont été écartés et pourquoi. Responsable de la protection seulement.</translation>
    </message>
    <message>
        <source>Every file anonymised in the period: when, by whom, under which rule and what was erased. Privacy officer only.</source>
        <translation>Chaque dossier anonymisé dans la période&#xa0;: quand, par qui, selon quelle règle et ce qui a été effacé. Responsable de la protection seulement.</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Choose a report and the days it covers. Each report produced is recorded in the audit trail (which report, the period and the row count).</source>
        <translation>Choisissez un rapport et les jours qu&apos;il couvre. Chaque rapport produit est inscrit dans la piste de vérification (le rapport, la période et le nombre de lignes).</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Your role does not allow this report.</source>
        <translation>Votre rôle ne permet pas ce rapport.</translation>
    </message>
    <message>
        <source>e.g. {file_number}</source>
        <translation>p. ex. {file_number}</translation>
    </message>
    <message>
        <source>Client file number</source>
        <translation>N° de dossier du client</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <source>P&amp;DF (to read, print or file)</source>
        <translation>P&amp;DF (pour lire, imprimer ou classer)</translation>
    </message>
    <message>
        <source>PDF format</source>
        <translation>Format PDF</translation>
    </message>
    <message>
        <source>&amp;CSV (for a spreadsheet)</source>
        <translation>&amp;CSV (pour un tableur)</translation>
    </message>
    <message>
        <source>CSV format</source>
        <translation>Format CSV</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <source>Client &amp;file number</source>
        <translation>&amp;N° de dossier du client</translation>
    </message>
    <message>
        <source>&amp;Period from</source>
        <translation>&amp;Période du</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Report in progress</source>
        <translation>Rapport en cours</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>État du rapport</translation>
    </message>
    <message>
        <source>&amp;Produce the report</source>
        <translation>Pr&amp;oduire le rapport</translation>
    </message>
    <message>
        <source>Produce the report</source>
        <translation>Produire le rapport</translation>
    </message>
    <message>
        <source>Close the reports window</source>
        <translation>Fermer la fenêtre des rapports</translation>
    </message>
    <message>
        <source>Only for the access log.</source>
        <translation>Seulement pour le journal des accès.</translation>
    </message>
    <message>
        <source>Type the client&apos;s file number for the access log.</source>
        <translation>Entrez le n° de dossier du client pour le journal des accès.</translation>
    </message>
    <message>
        <source>Producing the report…</source>
        <translation>Production du rapport…</translation>
    </message>
    <message>
        <source>Producing “{report}”…</source>
        <translation>Production du rapport «&#xa0;{report}&#xa0;»…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>“{report}” produced: {rows}.</source>
        <translation>Rapport «&#xa0;{report}&#xa0;» produit&#xa0;: {rows}.</translation>
    </message>
    <message>
        <source>{report} — {start} to {end}</source>
        <translation>{report} — du {start} au {end}</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report was produced but not saved.</source>
        <translation>Le rapport a été produit, mais pas enregistré.</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Enregistrement du rapport…</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>Rapport enregistré dans {path}.</translation>
    </message>
</context>
<context>
    <name>RepresentativeFields</name>
    <message>
        <source>Answers given by (client under 14):</source>
        <translation>Réponses données par (client de moins de 14 ans)&#xa0;:</translation>
    </message>
    <message>
        <source>Parent&apos;s or tutor&apos;s full name</source>
        <translation>Nom complet du parent ou du tuteur</translation>
    </message>
    <message>
        <source>Parent or tutor</source>
        <translation>Parent ou tuteur</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>Tuteur</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {username}</source>
        <translation>Réinitialiser le mot de passe de {username}</translation>
    </message>
    <message>
        <source>New password for {name} ({username}). Give it to them in person; a lock-out after too many wrong passwords is lifted too.</source>
        <translation>Nouveau mot de passe pour {name} ({username}). Remettez-le en personne&#xa0;; le verrouillage causé par trop de mots de passe erronés est aussi levé.</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Con&amp;firmation du mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Confirmation du nouveau mot de passe</translation>
    </message>
    <message>
        <source>&amp;Set the password</source>
        <translation>&amp;Définir le mot de passe</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>Définir le mot de passe</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Enregistrement du mot de passe…</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>In your file</source>
        <translation>Dans votre fichier</translation>
    </message>
    <message>
        <source>Already on file</source>
        <translation>Déjà inscrit</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Possible duplicates to decide</source>
        <translation>Doublons possibles à décider</translation>
    </message>
    <message>
        <source>These rows may be clients already on file (same name and date of birth, or same NAM). Say for each one whether it is the same person (the row is skipped) or a different person (a new file is created). A row left undecided is not created.</source>
        <translation>Ces lignes sont peut-être des clients déjà inscrits (même nom et date de naissance, ou même NAM). Indiquez pour chacune s&apos;il s&apos;agit de la même personne (la ligne est ignorée) ou d&apos;une personne différente (un nouveau dossier est créé). Une ligne sans décision n&apos;est pas créée.</translation>
    </message>
    <message>
        <source>This consent evidence is the clinic&apos;s own</source>
        <translation>Cette preuve de consentement appartient à la clinique</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file state a consent to appointment reminders. Tick only if these consents were collected by this clinic and it can show how. Left unticked, the clients are created without consent, to be asked at their next visit.</source>
        <translation>
            <numerusform>%n ligne du fichier indique un consentement aux rappels de rendez-vous. Cochez seulement si ce consentement a été recueilli par cette clinique et qu&apos;elle peut montrer comment. Sans case cochée, les clients sont créés sans consentement, à demander à leur prochaine visite.</numerusform>
            <numerusform>%n lignes du fichier indiquent un consentement aux rappels de rendez-vous. Cochez seulement si ces consentements ont été recueillis par cette clinique et qu&apos;elle peut montrer comment. Sans case cochée, les clients sont créés sans consentement, à demander à leur prochaine visite.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not decided (not created)</source>
        <translation>Non décidé (non créé)</translation>
    </message>
    <message>
        <source>Same person (skip the row)</source>
        <translation>Même personne (ignorer la ligne)</translation>
    </message>
    <message>
        <source>Different person (create a file)</source>
        <translation>Personne différente (créer un dossier)</translation>
    </message>
    <message numerus="yes">
        <source>%n client file(s) created.</source>
        <translation>
            <numerusform>%n dossier client créé.</numerusform>
            <numerusform>%n dossiers clients créés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: {same} same person, {undecided} not decided, {already} already imported.</source>
        <translation>Ignorées : {same} même personne, {undecided} sans décision, {already} déjà importées.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in error, not imported.</source>
        <translation>
            <numerusform>%n ligne en erreur, non importée.</numerusform>
            <numerusform>%n lignes en erreur, non importées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) recorded as imported.</source>
        <translation>
            <numerusform>%n consentement enregistré comme importé.</numerusform>
            <numerusform>%n consentements enregistrés comme importés.</numerusform>
        </translation>
    </message>
    <message>
        <source>File numbers {first} to {last}.</source>
        <translation>Numéros de dossier {first} à {last}.</translation>
    </message>
    <message>
        <source>{rows} rows checked in {file}.</source>
        <translation>{rows} lignes vérifiées dans {file}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready to create.</source>
        <translation>
            <numerusform>%n ligne prête à créer.</numerusform>
            <numerusform>%n lignes prêtes à créer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s) to decide.</source>
        <translation>
            <numerusform>%n doublon possible à décider.</numerusform>
            <numerusform>%n doublons possibles à décider.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in error, not imported: save the error report to correct them.</source>
        <translation>
            <numerusform>%n ligne en erreur, non importée : enregistrez le rapport d&apos;erreurs pour la corriger.</numerusform>
            <numerusform>%n lignes en erreur, non importées : enregistrez le rapport d&apos;erreurs pour les corriger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already imported before, skipped.</source>
        <translation>
            <numerusform>%n ligne déjà importée auparavant, ignorée.</numerusform>
            <numerusform>%n lignes déjà importées auparavant, ignorées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionReviewWindow</name>
    <message>
        <source>Retention review</source>
        <extracomment>What the review derives from: the rule (the clinic&apos;s), the holds and anonymisations, and each file&apos;s last contact and what keeps it out (appointments, consent, opt-outs, access requests).</extracomment>
        <translation>Révision de la conservation</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Refresh the lists</source>
        <translation>Actualiser les listes</translation>
    </message>
    <message>
        <source>Files past the retention rule</source>
        <translation>Dossiers ayant dépassé la règle de conservation</translation>
    </message>
    <message>
        <source>Legal holds standing</source>
        <translation>Conservations pour motif juridique en vigueur</translation>
    </message>
    <message>
        <source>&amp;Anonymise…</source>
        <translation>A&amp;nonymiser…</translation>
    </message>
    <message>
        <source>Anonymise the selected file</source>
        <translation>Anonymiser le dossier choisi</translation>
    </message>
    <message>
        <source>Place a legal &amp;hold…</source>
        <translation>Placer une &amp;conservation…</translation>
    </message>
    <message>
        <source>Place a legal hold on the selected file</source>
        <translation>Placer une conservation pour motif juridique sur le dossier choisi</translation>
    </message>
    <message>
        <source>&amp;Lift the hold…</source>
        <translation>&amp;Lever la conservation…</translation>
    </message>
    <message>
        <source>Lift the selected legal hold</source>
        <translation>Lever la conservation pour motif juridique choisie</translation>
    </message>
    <message>
        <source>Place a hold on &amp;another file…</source>
        <translation>Placer une conservation sur un &amp;autre dossier…</translation>
    </message>
    <message>
        <source>Place a legal hold on a file chosen by search</source>
        <translation>Placer une conservation pour motif juridique sur un dossier trouvé par la recherche</translation>
    </message>
    <message>
        <source>A file under a legal hold stays out of the review until the hold is lifted.</source>
        <translation>Un dossier sous conservation pour motif juridique reste hors de la révision jusqu&apos;à ce qu&apos;elle soit levée.</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Past the rule</source>
        <translation>Règle dépassée</translation>
    </message>
    <message>
        <source>Legal holds</source>
        <translation>Conservations</translation>
    </message>
    <message>
        <source>Anonymised files</source>
        <translation>Dossiers anonymisés</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No file is past the retention rule</source>
        <translation>Aucun dossier n&apos;a dépassé la règle de conservation</translation>
    </message>
    <message>
        <source>1 file past the retention rule</source>
        <translation>1 dossier a dépassé la règle de conservation</translation>
    </message>
    <message>
        <source>{count} files past the retention rule</source>
        <translation>{count} dossiers ont dépassé la règle de conservation</translation>
    </message>
    <message>
        <source>Rule: a file is reviewed {rule} (set in the clinic settings).</source>
        <translation>Règle&#xa0;: un dossier est révisé {rule} (fixée dans les paramètres de la clinique).</translation>
    </message>
    <message>
        <source>Left out of the review: {held} under a legal hold, {opt_out} with an opt-out request not yet processed, {access} with an access request not yet answered.</source>
        <translation>Écartés de la révision&#xa0;: {held} sous conservation pour motif juridique, {opt_out} avec une demande de retrait non traitée, {access} avec une demande d&apos;accès sans réponse.</translation>
    </message>
    <message>
        <source>The oldest {shown} of {total} are listed; anonymise them to see the next.</source>
        <translation>Les {shown} plus anciens sur {total} sont affichés&#xa0;; anonymisez-les pour voir les suivants.</translation>
    </message>
    <message>
        <source>Oldest last contact first.</source>
        <translation>Le dernier contact le plus ancien en premier.</translation>
    </message>
    <message>
        <source>Reading the files past the retention rule…</source>
        <translation>Lecture des dossiers ayant dépassé la règle de conservation…</translation>
    </message>
    <message>
        <source>File {file} anonymised: {rows} rows erased, {documents} documents removed.</source>
        <translation>Dossier {file} anonymisé&#xa0;: {rows} lignes effacées, {documents} documents retirés.</translation>
    </message>
    <message>
        <source>{name} — file {file}</source>
        <translation>{name} — dossier {file}</translation>
    </message>
    <message>
        <source>File {file} — held since {when} by {who}: {reason}</source>
        <translation>Dossier {file} — conservé depuis le {when} par {who}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Choose the file to place under a legal hold.</source>
        <translation>Choisissez le dossier à placer sous conservation pour motif juridique.</translation>
    </message>
    <message>
        <source>Legal hold placed on file {file}.</source>
        <translation>Conservation pour motif juridique placée sur le dossier {file}.</translation>
    </message>
    <message>
        <source>Legal hold lifted from file {file}.</source>
        <translation>Conservation pour motif juridique levée du dossier {file}.</translation>
    </message>
</context>
<context>
    <name>RetentionTables</name>
    <message>
        <source>1 year after the last contact</source>
        <translation>1 an après le dernier contact</translation>
    </message>
    <message>
        <source>{years} years after the last contact</source>
        <translation>{years} ans après le dernier contact</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Review due since</source>
        <translation>À réviser depuis</translation>
    </message>
    <message>
        <source>Placed on</source>
        <translation>Placée le</translation>
    </message>
    <message>
        <source>Placed by</source>
        <translation>Placée par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Anonymised on</source>
        <translation>Anonymisé le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Rows erased</source>
        <translation>Lignes effacées</translation>
    </message>
    <message>
        <source>Documents removed</source>
        <translation>Documents retirés</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>away</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>({reason})</source>
        <translation>({reason})</translation>
    </message>
    <message>
        <source>(not working)</source>
        <translation>(ne travaille pas)</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sans praticien</translation>
    </message>
    <message>
        <source>Appointments booked before practitioners were set up</source>
        <translation>Rendez-vous pris avant l&apos;ajout des praticiens</translation>
    </message>
    <message>
        <source>Booked</source>
        <extracomment>The hours shown when no practitioner works that day and nothing is booked. The appointments the slot holds, the one drawn first. True in the slot where the first appointment begins (its name is written there).</extracomment>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>✔ Arrived</source>
        <translation>✔ Arrivé</translation>
    </message>
    <message>
        <source>✖ No-show</source>
        <translation>✖ Absent</translation>
    </message>
    <message>
        <source>⊘ Cancelled</source>
        <translation>⊘ Annulé</translation>
    </message>
    <message>
        <source>⚠ {text} (+{count})</source>
        <translation>⚠ {text} (+{count})</translation>
    </message>
    <message>
        <source>{time}: outside hours</source>
        <translation>{time}&#xa0;: en dehors des heures</translation>
    </message>
    <message>
        <source>{time}: free</source>
        <translation>{time}&#xa0;: libre</translation>
    </message>
    <message>
        <source>{start}–{end}: {name} (file {file}), {kind}, {state}</source>
        <translation>{start}–{end}&#xa0;: {name} (dossier {file}), {kind}, {state}</translation>
    </message>
</context>
<context>
    <name>ScheduleConflict</name>
    <message>
        <source>Confirm this slot?</source>
        <translation>Confirmer ce créneau&#xa0;?</translation>
    </message>
    <message>
        <source>{refusal}

Keep this slot anyway? Your confirmation is recorded with the appointment.</source>
        <translation>{refusal}

Garder ce créneau quand même&#xa0;? Votre confirmation est inscrite au dossier du rendez-vous.</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>Practitioners, hours and appointment kinds</source>
        <translation>Praticiens, heures et types de rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Clinique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Practitioners and hours</source>
        <translation>&amp;Praticiens et heures</translation>
    </message>
    <message>
        <source>Appointment &amp;kinds</source>
        <translation>&amp;Types de rendez-vous</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>{name} saved.</source>
        <translation>{name}&#xa0;: enregistré.</translation>
    </message>
    <message>
        <source>Days off added.</source>
        <translation>Congé ajouté.</translation>
    </message>
    <message>
        <source>Days off removed.</source>
        <translation>Congé retiré.</translation>
    </message>
    <message>
        <source>Kind {kind} added.</source>
        <translation>Type {kind} ajouté.</translation>
    </message>
    <message>
        <source>Kind {kind} saved.</source>
        <translation>Type {kind} enregistré.</translation>
    </message>
</context>
<context>
    <name>ScheduleEntry</name>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Horaire…</translation>
    </message>
    <message>
        <source>Practitioners and &amp;hours…</source>
        <translation>Praticiens et &amp;heures…</translation>
    </message>
</context>
<context>
    <name>ScheduleWindow</name>
    <message>
        <source>Schedule — {site}</source>
        <translation>Horaire — {site}</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Booking for: {name} (file {file})</source>
        <translation>Réservation pour&#xa0;: {name} (dossier {file})</translation>
    </message>
    <message>
        <source>Booking for: nobody yet — Enter on a free slot asks which client (Ctrl+K).</source>
        <translation>Réservation pour&#xa0;: personne encore — Entrée sur un créneau libre demande quel client (Ctrl+K).</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Semaine du {day}</translation>
    </message>
    <message>
        <source>{week} (this week)</source>
        <translation>{week} (cette semaine)</translation>
    </message>
    <message>
        <source>{day} (today)</source>
        <translation>{day} (aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>◀ &amp;Previous week</source>
        <translation>◀ Semaine &amp;précédente</translation>
    </message>
    <message>
        <source>◀ &amp;Previous day</source>
        <translation>◀ Jour &amp;précédent</translation>
    </message>
    <message>
        <source>Next &amp;week ▶</source>
        <translation>Semaine &amp;suivante ▶</translation>
    </message>
    <message>
        <source>Next &amp;day ▶</source>
        <translation>Jour &amp;suivant ▶</translation>
    </message>
    <message>
        <source>This site has no practitioner yet: a manager adds them (Manage menu).</source>
        <translation>Cette clinique n&apos;a pas encore de praticien&#xa0;: un gestionnaire les ajoute (menu Gestion).</translation>
    </message>
    <message>
        <source>Loading the schedule…</source>
        <translation>Chargement de l&apos;horaire…</translation>
    </message>
    <message>
        <source>This slot is outside the practitioner&apos;s hours: choose a white slot.</source>
        <translation>Ce créneau est en dehors des heures du praticien&#xa0;: choisissez un créneau blanc.</translation>
    </message>
    <message>
        <source>Only {minutes} minutes are free from this slot: the booking starts with that length.</source>
        <translation>Seulement {minutes} minutes sont libres à partir de ce créneau&#xa0;: la réservation commence avec cette durée.</translation>
    </message>
    <message>
        <source>Choose an appointment first (the arrows move between slots).</source>
        <translation>Choisissez d&apos;abord un rendez-vous (les flèches passent d&apos;un créneau à l&apos;autre).</translation>
    </message>
    <message>
        <source>Moving {name}&apos;s appointment of {when}: choose the new slot with the arrows (another day with Alt+→), then press Enter. Escape stops.</source>
        <translation>Déplacement du rendez-vous de {name} du {when}&#xa0;: choisissez le nouveau créneau avec les flèches (un autre jour avec Alt+→), puis appuyez sur Entrée. Échap arrête.</translation>
    </message>
    <message>
        <source>Nothing moved.</source>
        <translation>Rien n&apos;a été déplacé.</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>FrontDesk — Locked</source>
        <extracomment>The people whose parked sessions hold unsaved work (set by the workstation&apos;s session manager).</extracomment>
        <translation>FrontDesk — Verrouillé</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>Unsaved work in other sessions</source>
        <translation>Travail non enregistré dans d&apos;autres sessions</translation>
    </message>
    <message>
        <source>Sessions kept aside on this workstation have unsaved work ({names}). Quitting drops it. Quit FrontDesk anyway?</source>
        <translation>Des sessions mises de côté sur ce poste de travail ont des modifications non enregistrées ({names}). Elles seront perdues si vous quittez. Quitter FrontDesk quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>SessionWindows</name>
    <message>
        <source>Appointment booked for {name}.</source>
        <translation>Rendez-vous pris pour {name}.</translation>
    </message>
    <message>
        <source>Opt-out request logged.</source>
        <translation>Demande de retrait consignée.</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
</context>
<context>
    <name>SetupSiteForm</name>
    <message>
        <source>Clinic {number}</source>
        <translation>Clinique {number}</translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation>&amp;Nom de la clinique</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom de la clinique</translation>
    </message>
    <message>
        <source>Street &amp;address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>P&amp;ostal code</source>
        <translation>Code p&amp;ostal</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>Co&amp;urriel</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>H2X 3Y7</source>
        <translation>H2X 3Y7</translation>
    </message>
    <message>
        <source>418 555-0123</source>
        <translation>418 555-0123</translation>
    </message>
    <message>
        <source>reception@clinic.ca</source>
        <translation>accueil@clinique.ca</translation>
    </message>
    <message>
        <source>Remove this clinic</source>
        <translation>Retirer cette clinique</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>FrontDesk — Setting up the clinic</source>
        <extracomment>Where the set-up was written (a server&apos;s services when one was chosen), and what it made.</extracomment>
        <translation>FrontDesk — Configuration de la clinique</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>This computer: {path}</source>
        <translation>Cet ordinateur : {path}</translation>
    </message>
    <message>
        <source>Writing the set-up…</source>
        <translation>Enregistrement de la configuration…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>↑ / ↓</source>
        <translation>↑ / ↓</translation>
    </message>
    <message>
        <source>In the search field: choose a result</source>
        <translation>Dans le champ de recherche&#xa0;: choisir un résultat</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page préc. / Page suiv.</translation>
    </message>
    <message>
        <source>In the search field: move ten results</source>
        <translation>Dans le champ de recherche&#xa0;: avancer ou reculer de dix résultats</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Open the chosen file (or the only result)</source>
        <translation>Ouvrir le dossier choisi (ou le seul résultat)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>In the search field: clear it</source>
        <translation>Dans le champ de recherche&#xa0;: le vider</translation>
    </message>
    <message>
        <source>Details tab: save the changes</source>
        <translation>Onglet Renseignements&#xa0;: enregistrer les modifications</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + lettre soulignée</translation>
    </message>
    <message>
        <source>Go to that field or button</source>
        <translation>Aller à ce champ ou à ce bouton</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Type your username and your password.</source>
        <translation>Entrez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>A manager can unlock the account by resetting its password.</source>
        <translation>Un gestionnaire peut déverrouiller le compte en réinitialisant son mot de passe.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Zone de signature</translation>
    </message>
    <message>
        <source>Sign with the mouse, a pen or a finger. Ctrl+Z undoes the last stroke; Delete clears.</source>
        <translation>Signez avec la souris, un stylet ou le doigt. Ctrl+Z annule le dernier trait&#xa0;; Suppr efface tout.</translation>
    </message>
</context>
<context>
    <name>SignatureStep</name>
    <message>
        <source>Privacy policy summary for the client to read</source>
        <translation>Résumé de la politique de confidentialité à faire lire au client</translation>
    </message>
    <message>
        <source>Show the &amp;full policy…</source>
        <translation>Afficher la politique co&amp;mplète…</translation>
    </message>
    <message>
        <source>Show the full text of the privacy policy</source>
        <translation>Afficher le texte intégral de la politique de confidentialité</translation>
    </message>
    <message>
        <source>The &amp;client signs</source>
        <translation>Le &amp;client signe</translation>
    </message>
    <message>
        <source>The client signs</source>
        <translation>Le client signe</translation>
    </message>
    <message>
        <source>A &amp;representative signs</source>
        <translation>Un &amp;représentant signe</translation>
    </message>
    <message>
        <source>A representative signs for the client</source>
        <translation>Un représentant signe pour le client</translation>
    </message>
    <message>
        <source>Representative&apos;s full name</source>
        <translation>Nom complet du représentant</translation>
    </message>
    <message>
        <source>Representative&apos;s capacity</source>
        <translation>Qualité du représentant</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>Tuteur</translation>
    </message>
    <message>
        <source>Mandatary</source>
        <translation>Mandataire</translation>
    </message>
    <message>
        <source>Problem with the signer</source>
        <translation>Problème avec le signataire</translation>
    </message>
    <message>
        <source>The client is {age} years old: a parent or tutor must sign.</source>
        <translation>Le client a {age} ans&#xa0;: un parent ou tuteur doit signer.</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>&amp;Annuler le trait</translation>
    </message>
    <message>
        <source>Undo the last stroke of the signature</source>
        <translation>Annuler le dernier trait de la signature</translation>
    </message>
    <message>
        <source>C&amp;lear signature</source>
        <translation>Effacer la si&amp;gnature</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Effacer la signature</translation>
    </message>
    <message>
        <source>Problem with the signature</source>
        <translation>Problème avec la signature</translation>
    </message>
    <message>
        <source>The client re&amp;fuses to sign</source>
        <translation>Le client re&amp;fuse de signer</translation>
    </message>
    <message>
        <source>The client refuses to sign</source>
        <translation>Le client refuse de signer</translation>
    </message>
    <message>
        <source>Note about the refusal (optional)</source>
        <translation>Note sur le refus (facultative)</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>Qui signe</translation>
    </message>
    <message>
        <source>Enter the representative&apos;s full name.</source>
        <translation>Entrez le nom complet du représentant.</translation>
    </message>
    <message>
        <source>Nothing is signed yet: have the pad signed, or tick “The client refuses to sign”.</source>
        <translation>Rien n&apos;est encore signé&#xa0;: faites signer dans la zone de signature ou cochez «&#xa0;Le client refuse de signer&#xa0;».</translation>
    </message>
    <message>
        <source>The signature is too small or too short to be kept. Clear it and ask for the usual signature, or tick “The client refuses to sign”.</source>
        <translation>La signature est trop petite ou trop courte pour être conservée. Effacez-la et demandez la signature habituelle, ou cochez «&#xa0;Le client refuse de signer&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SiteForm</name>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nom de la clinique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Rue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ville&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>&amp;Province&#xa0;:</translation>
    </message>
    <message>
        <source>Postal &amp;code:</source>
        <translation>&amp;Code postal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Courriel&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <source>The clinics</source>
        <translation>Les cliniques</translation>
    </message>
    <message>
        <source>Each clinic of the organisation, as clients find it. Several clinics share one database.</source>
        <translation>Chaque clinique de l&apos;organisation, telle que les clients la trouvent. Plusieurs cliniques partagent une même base de données.</translation>
    </message>
    <message>
        <source>&amp;Add a clinic</source>
        <translation>&amp;Ajouter une clinique</translation>
    </message>
    <message>
        <source>This &amp;workstation is at</source>
        <translation>Ce &amp;poste se trouve à</translation>
    </message>
    <message>
        <source>The clinic this workstation is at</source>
        <translation>La clinique où se trouve ce poste</translation>
    </message>
    <message>
        <source>Clinic {number}</source>
        <translation>Clinique {number}</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Password: at least {min} characters, with letters and digits, different from the username.</source>
        <translation>Mot de passe&#xa0;: au moins {min} caractères, avec des lettres et des chiffres, différent du nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>✔ Active</source>
        <translation>✔ Actif</translation>
    </message>
    <message>
        <source>✖ Deactivated</source>
        <translation>✖ Désactivé</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <source>Accounts are never deleted: deactivate the account of someone who leaves, so the audit trail keeps their name. Resetting a password also lifts a lock-out.</source>
        <translation>Les comptes ne sont jamais supprimés&#xa0;: désactivez le compte d&apos;une personne qui part, pour que la piste de vérification garde son nom. Réinitialiser un mot de passe lève aussi un verrouillage.</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>&amp;Reset the password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Reset the password of the selected account</source>
        <translation>Réinitialiser le mot de passe du compte sélectionné</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Deactivate the selected account</source>
        <translation>Désactiver le compte sélectionné</translation>
    </message>
    <message>
        <source>Staff accounts status</source>
        <translation>État des comptes du personnel</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{count} account(s), {active} active.</source>
        <translation>{count} compte(s), {active} actif(s).</translation>
    </message>
    <message>
        <source>Only a privacy officer can manage this account.</source>
        <translation>Seul le responsable de la protection des renseignements personnels peut gérer ce compte.</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Ré&amp;activer</translation>
    </message>
    <message>
        <source>Reactivate the selected account</source>
        <translation>Réactiver le compte sélectionné</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte.</translation>
    </message>
    <message>
        <source>Account {username} created.</source>
        <translation>Compte {username} créé.</translation>
    </message>
    <message>
        <source>New password set for {username}.</source>
        <translation>Nouveau mot de passe défini pour {username}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Account {username} reactivated.</source>
        <translation>Compte {username} réactivé.</translation>
    </message>
    <message>
        <source>Account {username} deactivated: it can no longer sign in.</source>
        <translation>Compte {username} désactivé&#xa0;: il ne peut plus ouvrir de session.</translation>
    </message>
</context>
<context>
    <name>StagingPage</name>
    <message>
        <source>Every row is checked as a typed entry would be, and compared with the clients on file. Nothing is added to the client files yet; Cancel leaves nothing behind.</source>
        <translation>Chaque ligne est vérifiée comme une saisie au clavier, puis comparée aux clients inscrits. Rien n&apos;est encore ajouté aux dossiers clients ; Annuler ne laisse aucune trace.</translation>
    </message>
    <message>
        <source>Rows checked</source>
        <translation>Lignes vérifiées</translation>
    </message>
    <message>
        <source>&amp;Cancel the import</source>
        <translation>&amp;Annuler l&apos;importation</translation>
    </message>
    <message>
        <source>Stopping: the rows set aside are being removed…</source>
        <translation>Arrêt : les lignes mises de côté sont retirées…</translation>
    </message>
    <message>
        <source>{done} of {total} rows checked</source>
        <translation>{done} lignes vérifiées sur {total}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Creating {count} demo clients…</source>
        <translation>Création de {count} clients de démo…</translation>
    </message>
    <message>
        <source>FrontDesk cannot start</source>
        <translation>FrontDesk ne peut pas démarrer</translation>
    </message>
    <message>
        <source>The database could not be opened.

{message}</source>
        <translation>Impossible d&apos;ouvrir la base de données.

{message}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Check everything, then press Finish: the set-up is written all at once.</source>
        <translation>Vérifiez tout, puis appuyez sur Terminer : la configuration est enregistrée d&apos;un seul coup.</translation>
    </message>
    <message>
        <source>Good Friday</source>
        <translation>Vendredi saint</translation>
    </message>
    <message>
        <source>Easter Monday</source>
        <translation>Lundi de Pâques</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Nom de l&apos;organisation</translation>
    </message>
    <message>
        <source>Parent organisation</source>
        <translation>Organisation mère</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Privacy officer</source>
        <translation>Responsable de la protection</translation>
    </message>
    <message>
        <source>Easter holiday</source>
        <translation>Congé de Pâques</translation>
    </message>
    <message>
        <source>Opt-out delay</source>
        <translation>Délai des retraits</translation>
    </message>
    <message>
        <source>{days} business days</source>
        <translation>{days} jours ouvrables</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Verrouillage après</translation>
    </message>
    <message>
        <source>{minutes} minutes without activity</source>
        <translation>{minutes} minutes sans activité</translation>
    </message>
    <message>
        <source>Clinic {number}</source>
        <translation>Clinique {number}</translation>
    </message>
    <message>
        <source>{clinic} (this workstation)</source>
        <translation>{clinic} (ce poste)</translation>
    </message>
    <message>
        <source>Policy in force from</source>
        <translation>Politique en vigueur depuis le</translation>
    </message>
    <message>
        <source>Policy texts</source>
        <translation>Textes de la politique</translation>
    </message>
    <message>
        <source>French {fr} characters, English {en} characters; summaries {sfr} and {sen}</source>
        <translation>Français {fr} caractères, anglais {en} caractères ; résumés {sfr} et {sen}</translation>
    </message>
    <message>
        <source>First manager</source>
        <translation>Premier gestionnaire</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>The operation failed: {detail}</source>
        <translation>L&apos;opération a échoué&#xa0;: {detail}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>réceptionniste</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gestionnaire</translation>
    </message>
    <message>
        <source>privacy officer</source>
        <translation>responsable de la protection des renseignements personnels</translation>
    </message>
    <message>
        <source>verbally, by phone</source>
        <translation>verbalement, par téléphone</translation>
    </message>
    <message>
        <source>verbally, in person</source>
        <translation>verbalement, en personne</translation>
    </message>
    <message>
        <source>signed at the desk</source>
        <translation>signé au comptoir</translation>
    </message>
    <message>
        <source>by email</source>
        <translation>par courriel</translation>
    </message>
    <message>
        <source>by post</source>
        <translation>par la poste</translation>
    </message>
    <message>
        <source>verbally, by telemedicine</source>
        <translation>verbalement, en télémédecine</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>✔ Granted</source>
        <translation>✔ Accordé</translation>
    </message>
    <message>
        <source>✖ Withdrawn</source>
        <translation>✖ Retiré</translation>
    </message>
    <message>
        <source>✘ Refused</source>
        <translation>✘ Refusé</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>In clinic</source>
        <translation>En clinique</translation>
    </message>
    <message>
        <source>Telemedicine</source>
        <translation>Télémédecine</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>par téléphone</translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation>au comptoir</translation>
    </message>
    <message>
        <source>in clinic</source>
        <translation>en clinique</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>le client</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>tutor</source>
        <translation>tuteur</translation>
    </message>
    <message>
        <source>mandatary</source>
        <translation>mandataire</translation>
    </message>
</context>
<context>
    <name>WindowParts</name>
    <message>
        <source>&amp;Site:</source>
        <translation>C&amp;linique&#xa0;:</translation>
    </message>
    <message>
        <source>Day (Ctrl+1)</source>
        <translation>Jour (Ctrl+1)</translation>
    </message>
    <message>
        <source>Week (Ctrl+2)</source>
        <translation>Semaine (Ctrl+2)</translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation>P&amp;raticien&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Today (Ctrl+T)</source>
        <translation>&amp;Aujourd&apos;hui (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Go to date… (Ctrl+G)</source>
        <translation>Aller à une &amp;date… (Ctrl+G)</translation>
    </message>
    <message>
        <source>Show cancelled (Ctrl+H)</source>
        <translation>Afficher les annulés (Ctrl+H)</translation>
    </message>
    <message>
        <source>Choose the client… (Ctrl+K)</source>
        <translation>Choisir le client… (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Book (Enter)</source>
        <translation>Ré&amp;server (Entrée)</translation>
    </message>
    <message>
        <source>Arrived (Ctrl+Shift+A)</source>
        <translation>Arrivé (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>No-show (Ctrl+Shift+N)</source>
        <translation>Absent (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>&amp;Move… (Ctrl+M)</source>
        <translation>Dé&amp;placer… (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Cancel the appointment… (Del)</source>
        <translation>A&amp;nnuler le rendez-vous… (Suppr)</translation>
    </message>
    <message>
        <source>Schedule: arrows move between slots, Enter books or opens</source>
        <translation>Horaire&#xa0;: les flèches passent d&apos;un créneau à l&apos;autre, Entrée réserve ou ouvre</translation>
    </message>
    <message>
        <source>No practitioner works at this site yet. A manager adds them in Manage ▸ Practitioners and hours.</source>
        <translation>Aucun praticien ne travaille encore à cette clinique. Un gestionnaire les ajoute dans Gestion ▸ Praticiens et heures.</translation>
    </message>
    <message>
        <source>White: free · grey: outside hours · blue: booked · green: arrived · red: no-show. Alt+← and Alt+→ change the day; Enter on an appointment opens the client&apos;s file.</source>
        <translation>Blanc&#xa0;: libre · gris&#xa0;: en dehors des heures · bleu&#xa0;: réservé · vert&#xa0;: arrivé · rouge&#xa0;: absent. Alt+← et Alt+→ changent de jour&#xa0;; Entrée sur un rendez-vous ouvre le dossier du client.</translation>
    </message>
</context>
<context>
    <name>_AccountForm</name>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
</TS>
