<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
<context>
    <name>AcknowledgmentDocuments</name>
    <message>
        <source>Getting the PDF…</source>
        <extracomment>What the audit trail records for each way of getting an acknowledgment&apos;s PDF.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the acknowledgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy acknowledgment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Acknowledgments</name>
    <message>
        <source>{name} (the client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({capacity})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy acknowledgments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcknowledgmentsTab</name>
    <message>
        <source>Open PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No acknowledgment signed or refused yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledgment(s), latest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No PDF is stored for this acknowledgment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentPage</name>
    <message>
        <source>Date and time of the appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In clinic or telemedicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telemedicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the &amp;desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with how the booking is made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Appointments, latest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Book an appointment… (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (scroll for older ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} appointments, {coming} upcoming{more}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book an appointment — {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client} · file {file} · born {born} ({age} years old) · speaks {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the booking is made: by phone or at the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to communications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy and signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} of {total}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked by phone: read each sentence to the client. The answers are recorded as given verbally on the phone; no signature is asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the desk: the client reads and answers each sentence, then reads the policy summary and signs on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the client&apos;s consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy could not be loaded: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the privacy policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the client&apos;s current consent to load before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking was not saved: check the signature step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking was not saved. {detail} Nothing you entered was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving… please wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the booking?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving? The booking, the consent answers and the signature will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Busy indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of {name} ({username}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientFileWidget</name>
    <message>
        <source>&amp;Details</source>
        <extracomment>What a client file shows; a change about its client and one of these reloads the part showing it. Changes saved on other workstations reach the open file at this pace. The header&apos;s badges derive from these (the preferred language chooses the policy in force).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nsents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;knowledgments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-o&amp;uts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client file is open.

Type a name, phone number, date of birth or file number in the search field (Ctrl+F), choose with ↑ and ↓, then press Enter.
Ctrl+N creates a new file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the client file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.
{message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>&amp;Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;rst name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;treet address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provinc&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ostal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G1S 2L6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>418 555-0123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientHeader</name>
    <message>
        <source>✖ Privacy policy acknowledgment refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client refused to sign the acknowledgment of policy {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Privacy policy acknowledged {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for the current policy, version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Acknowledgment outdated (version {old})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for version {old}; the current policy is version {version}. Ask the client to sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Privacy policy acknowledgment missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signed acknowledgment of the privacy policy (version {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Opted out of promotions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send no newsletters, surveys, feedback requests or parent company promotions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the Opt-out requests tab; process them before any promotional contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age &lt;b&gt;{age}&lt;/b&gt; (born {born})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File no. &lt;b&gt;{file}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language &lt;b&gt;{language}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &lt;b&gt;{phone}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age {age}, born {born}, file number {file}, language {language}, phone {phone}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientPickerDialog</name>
    <message>
        <source>Match to a client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientSearch</name>
    <message>
        <source>born {date}</source>
        <extracomment>Keys that move the highlighted result while the focus stays in the field, and by how many rows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone, date of birth or file number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results follow the typing. Up and Down choose a result, Enter opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results follow the typing. Up and Down choose a result, Enter picks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search result count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search for a client (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the client picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client picked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked: {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name (any order, accents optional), a phone number, a date of birth (YYYY-MM-DD) or a file number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client found for “{text}”. Check the spelling, or create a file with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {count} clients found: scroll down for more, or type more to narrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 client found. Press Enter to pick it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 client found. Press Enter to open the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} clients found. Choose with ↑ ↓ and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several clients match: choose one with ↑ ↓, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>{date} ({age} y)</source>
        <extracomment>The record behind a row, for views that need more than the text. Tones shared by table cells and header badges; always paired with words and a symbol.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth (age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>This file was changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare both versions. Fields marked ≠ differ. Keep yours to save it over the stored version, or take the stored version and drop your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep my version and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the stored version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and keep &amp;editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored version
(by {who}, {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Database connection</source>
        <extracomment>Waits between two tries: a few seconds at first, then less often (the last one repeats).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the database lost — reconnecting… Your typing is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s); save again once this message goes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>✔ Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}, {method}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}: never recorded. Sentence to read to the client: «{sentence}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} on {when}, {method}, by {who} (policy {version}, {language}): «{wording}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the client&apos;s language ({language}): {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentHistory</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy {version}, {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentStep</name>
    <message>
        <source>Show or read each sentence to the client as written ({language}). Tick only what the client agrees to. A box that is already ticked is a consent given before: leave it ticked to keep it — unticking it withdraws that consent.</source>
        <extracomment>Wide enough for &quot;Already granted on 2026-03-02 → will be WITHDRAWN&quot; on two lines.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading status of the client&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the client&apos;s consent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the client&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the client&apos;s current consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s current consent could not be loaded: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already granted on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} → will be GRANTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} → will be WITHDRAWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change to the client&apos;s consent so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to record: {granted} consent(s) given, {withdrawn} withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <source>Consent by purpose and channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected consent in detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the consent history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent history, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading consents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{granted} of {total} granted. Select a cell for when, how and by whom it was set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} events shown; scroll down for older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} events.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back what is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created {created} by {creator} · last changed {updated} by {updater} (version {version})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the client file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File {file} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need correcting: see the message under each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored version is shown; your changes were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are still in the form, not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a &amp;new file anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new file anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is it the same person? Open the existing file rather than creating a second one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file {file}: {name}, born {born}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list includes only clients who consent today to the chosen use by the chosen channel, and whom no pending opt-out request concerns. Files without an address for the channel are left out. The export is recorded in the audit trail with its purpose, channel, number of rows and the file&apos;s fingerprint (SHA-256), never with names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose of the mailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the contact list to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the contact list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) written to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SHA-256 of the file: {sha256}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n consenting client(s) left out: no address for this channel in the file.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n opt-out request(s) not yet matched to a file: they may concern people on this list. Match them in the opt-out queue before sending.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>FrontDesk — First start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no account yet. Create the manager account first; the manager then creates the other accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. marie.tremblay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: at least {min} characters, with letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {language} translation is not installed yet; the interface stays in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FrontDesk will use {language} the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>FrontDesk is locked</source>
        <extracomment>What counts as someone at the keyboard. (Paint, timer and focus events do not.)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit FrontDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit FrontDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}&apos;s session, locked at {time}.

{name}: type your password to carry on where you left off.
Someone else: sign in with your own account. {name}&apos;s session stays as it is, hidden, until {name} signs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also kept aside on this workstation: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>FrontDesk — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to FrontDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {where} · Workstation: {workstation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts (click to fill in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {role}: {username} / {password}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the demo account {username}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO — made-up clients in a throwaway database, deleted when FrontDesk closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FrontDesk — {name} ({role}) on {workstation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New client file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book an appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log an &amp;opt-out request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock screen / switch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export a contact list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Staff accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FrontDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close FrontDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File {file} opened: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s details have unsaved changes. Drop them and {doing}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File {file} created for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a client file first (Ctrl+F to search).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the database is back. Save again anything that did not save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {name} can unlock this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About FrontDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;FrontDesk&lt;/b&gt;&lt;br&gt;Client files, privacy consent and opt-out requests for the front desk of Quebec medical clinics.&lt;br&gt;&lt;br&gt;Database: {database}&lt;br&gt;Workstation: {workstation}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. marie.tremblay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <source>New client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name, first name and date of birth are required; the rest can wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the client file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ File {file} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need correcting: see the message under each one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOutCountsButton</name>
    <message>
        <source>Opt-out requests waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the opt-out queue (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs: ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs: {pending} pending · ⚠ {overdue} OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs: {pending} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs: none pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOutDialog</name>
    <message>
        <source>Log an opt-out request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What saving will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the opt-out request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By p&amp;ost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with how the request was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the date received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester&apos;s name, as given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester&apos;s phone, as given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester&apos;s email, as given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the requester&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester&apos;s &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name, phone and email exactly as the requester gave them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date the letter arrived:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date the email arrived:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the request was received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect immediately: when you save, consent is withdrawn for {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the request to a client file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: {client}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to the opt-out queue. Due by {due}: {days} Quebec business days after it was received ({received}). Covers: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is already OVERDUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the opt-out request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn now: {what}. Client: {client}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged and added to the opt-out queue. Due by {due}. Covers: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct what is shown in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not saved. {detail} Nothing you typed was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opt-out request has not been saved. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOutQueueWindow</name>
    <message>
        <source>Overdue requests are marked OVERDUE in red.</source>
        <extracomment>How often a shown queue reloads, for requests logged or processed on other workstations.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending opt-out requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match to client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the selected request to a client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmation sent to the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation sent to the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Process…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process the selected request: withdraw its consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be loaded: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting opt-out requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out requests — {pending} pending, {overdue} overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pending} pending · {overdue} OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pending} pending · none overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the request to a client file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester, as given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by {via} on {date}; due {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop: {purposes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels: {channels}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged by {who} on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE since {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester as given: {name}{contact}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched to {client}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process this request?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent will be withdrawn now for {client}:
{scope}

This is recorded for good and cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed: consent withdrawn for {client} — {scope}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOutScope</name>
    <message>
        <source>every channel</source>
        <extracomment>The purposes chosen one by one under &quot;custom&quot;; the parent company has its own box in every preset.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, including appointment reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All promotional (reminders kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All promotional except the parent company (reminders kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOutScopeBox</name>
    <message>
        <source>What to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All promotional communications (keeps appointment reminders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;verything, including appointment reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose the purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>including the parent &amp;company (Groupe Médical Lacroix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Including the parent company, Groupe Médical Lacroix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with what to stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOuts</name>
    <message>
        <source>Everything, reminders included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All promotions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Processed {when} by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ OVERDUE since {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Pending, due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out requests for this client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOutsTab</name>
    <message>
        <source>No opt-out request for this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} request(s), {pending} pending.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPageView</name>
    <message>
        <source>Document pages</source>
        <extracomment>Pages drawn on either side of the visible ones; pages further away give their pixels back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an exact copy of the document (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document cannot be shown: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing page {page} of {count}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer refused the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing… the preview closes once every page is sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingOptOutModel</name>
    <message>
        <source>Received via</source>
        <extracomment>A request due within this many business days is marked &quot;due soon&quot;. The matched client file, or None when the request is not matched yet.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester (as given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading opt-out requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quebec business days: weekends and Quebec statutory holidays do not count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE · {n} late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} (due soon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File of client {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyTextDialog</name>
    <message>
        <source>Privacy policy of {date} ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full text of the privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListTab</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Consent coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-acknowledgment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access log for one client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many clients consent to each use, by channel, and how that changed over the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every opt-out request received in the period, with its deadline and when it was processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients who must acknowledge the current privacy policy again (or have not yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who opened, changed, printed or exported one client&apos;s file, and when. Privacy officer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every contact list exported in the period: purpose, channel, row count and file fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a report and the days it covers. Each report produced is recorded in the audit trail (which report, the period and the row count).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {file_number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client file number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;DF (to read, print or file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV (for a spreadsheet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;file number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Produce the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Produce the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the reports window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for the access log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the client&apos;s file number for the access log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producing “{report}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>“{report}” produced: {rows}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{report} — {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was produced but not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {username}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for {name} ({username}). Give it to them in person; a lock-out after too many wrong passwords is lifted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>FrontDesk — Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>Unsaved work in other sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions kept aside on this workstation have unsaved work ({names}). Quitting drops it. Quit FrontDesk anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionWindows</name>
    <message>
        <source>Appointment booked for {name}.</source>
        <extracomment>Forms whose typing would be lost if the session were dropped.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out request logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ / ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the search field: choose a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the search field: move ten results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the chosen file (or the only result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the search field: clear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details tab: save the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to that field or button</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your username and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager can unlock the account by resetting its password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with the mouse, a pen or a finger. Ctrl+Z undoes the last stroke; Delete clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign above this line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureStep</name>
    <message>
        <source>Privacy policy summary ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy summary for the client to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the policy summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;full policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full text of the privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;client signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;representative signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A representative signs for the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative&apos;s full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative&apos;s capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mandatary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client is {age} years old: a parent or tutor must sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last stroke of the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client re&amp;fuses to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client refuses to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note about the refusal (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the representative&apos;s full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is signed yet: have the pad signed, or tick “The client refuses to sign”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is too small or too short to be kept. Clear it and ask for the usual signature, or tick “The client refuses to sign”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature of the representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature of {client}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Password: at least {min} characters, with letters and digits, different from the username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts are never deleted: deactivate the account of someone who leaves, so the audit trail keeps their name. Resetting a password also lifts a lock-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff accounts status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} account(s), {active} active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {username} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password set for {username}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {username} reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {username} deactivated: it can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating {count} demo clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FrontDesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened.

{message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>French</source>
        <extracomment>The language the source strings are written in: always available, needs no translation file. Overrides the saved choice (useful on a shared workstation or for support).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>privacy officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verbally, by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verbally, in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telemedicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mandatary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_AccountForm</name>
    <message>
        <source>The two passwords are different.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
