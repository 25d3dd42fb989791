"""What the client reads or signs at the desk, in the client's language (never the staff's).

The GUI's own words follow the person signed in (``tr()``); the words on the screen turned towards
the client — the state beside each consent sentence, the titles above the policy and the signature
pad, the line to sign on — are taken from here with the client's language passed explicitly, so a
French client reads French whatever the receptionist's interface language. The consent sentences
themselves are data (``wording``); the policy texts come with the policy version.
"""

from __future__ import annotations

from desktop.domain.texts import Text


class ConsentStateText:
    """The state beside each consent sentence: what is on record, and what the answer will change."""

    not_granted = Text("Non accordé", "Not granted")
    granted_on = Text("Déjà accordé le {date}", "Already granted on {date}")
    withdrawn_on = Text("Retiré le {date}", "Withdrawn on {date}")
    will_be_granted = Text("{state} → sera ACCORDÉ", "{state} → will be GRANTED")
    will_be_withdrawn = Text("{state} → sera RETIRÉ", "{state} → will be WITHDRAWN")
    declined_on = Text("Refusé le {date}", "Refused on {date}")
    will_be_declined = Text("{state} → sera REFUSÉ", "{state} → will be REFUSED")
    #: The client's explicit "no" beside each sentence (no answer is the default, and is not a "no").
    answer_no = Text("Non", "No")


class SigningText:
    """The policy the client reads and the pad the client signs on."""

    summary_title = Text("Résumé de la politique de confidentialité", "Privacy policy summary")
    summary_loading = Text("Chargement du résumé de la politique…", "Loading the policy summary…")
    full_policy_title = Text("Politique de confidentialité du {date}", "Privacy policy of {date}")
    signature_of = Text("Signature de {name}", "Signature of {name}")
    signature_of_representative = Text(
        "Signature du représentant ou de la représentante", "Signature of the representative"
    )
    sign_above = Text("Signez au-dessus de cette ligne", "Sign above this line")
