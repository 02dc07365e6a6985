"""Sentence precision on a new setting (issue 15, round 20): together rules and media words read in another sense.

A rule that is right elsewhere fires on a sentence that uses its words in another sense: gear borrowed instead of
bought (reuse), a first trip abroad without one's parents (independence), «sittet inne» (prison), what climate change
«påverkar», a partner country's pupils named by their language, a council compound on «-råd», what a budget covered
«men ikkje», «lang tid» and «hele veien», a negation of another verb beside «venner», «aldri gjort», «droppe» without
its «ut»; and a podcast shown («framvisinga av») or named across a relative clause («Podkasten vi høyrde … handla
om»). Real pipeline, the shipped ``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk
written for this test.
"""

from __future__ import annotations

import pytest

from qualcode.tagging.codebook import Codebook, together_groups, together_whole_words


@pytest.mark.parametrize("text, category", [
    # borrowing instead of buying is reuse
    ("Vi fant ut at elevene kunne låne sovepose i stedet for å kjøpe ny til turen.", "inkludering_mangfold"),
    ("Elevane kunne låne klede i staden for å kjøpe nye til fjellturen.", "inkludering_mangfold"),
    # abroad without one's parents is independence, not a first chance
    ("Det var første gang hun var i utlandet uten foreldrene sine, så hun var spent.", "inkludering_mangfold"),
    ("Det var fyrste gongen han var i utlandet utan foreldra, og han klarte seg fint.", "inkludering_mangfold"),
    # «sittet inne» is prison, not never having sat on a plane
    ("Flere av deltakerne har sittet inne i mange år og har aldri brukt en nettbank.", "inkludering_mangfold"),
    # a partner country's pupils named by their language
    ("De polske elevene fortalte hvordan foreldrene deres feirer jul.", "inkludering_mangfold"),
    ("Dei tyrkiske elevane fortalde om korleis foreldra deira feirar høgtidene.", "inkludering_mangfold"),
    # «råd» and «dyr» as a compound's head: a council, an animal
    ("På internatet har vi nå et husråd, og hjemmene får referat etter hvert møte.", "inkludering_mangfold"),
    ("Barna fekk leike med robotdyr saman med foreldra på besøksdagen.", "inkludering_mangfold"),
    # what a budget or a grant covered «but not»
    ("Stipendet dekket reise og kost, men ikke lommepenger.", "inkludering_mangfold"),
    ("Tilskotet dekte reise og mat, men ikkje lommepengar.", "inkludering_mangfold"),
    # «lang tid», «hele veien»: time and all the way, not a long way to school
    ("Vi tok båt hele veien til Danmark, og det tok lang tid.", "inkludering_mangfold"),
    ("Me tok buss heile vegen til Tyskland, og det tok lang tid.", "inkludering_mangfold"),
    # the negation of another verb beside friends
    ("De hadde blitt så gode venner at de ikke ville reise hjem.", "inkludering_mangfold"),
    ("Dei hadde vorte så gode vener at dei ikkje ville reise heim.", "inkludering_mangfold"),
    # «aldri gjort (før)»: the activity just named was new, not pupils who never travelled
    ("Noen av elevene har begynt å søke jobb i utlandet, og det hadde de aldri gjort før.", "inkludering_mangfold"),
    ("Fleire av elevane har byrja å søkje sommarjobb i utlandet, noko dei aldri har gjort før.",
     "inkludering_mangfold"),
    # «droppe» without its «ut»
    ("Vi droppet flyet, og elevene regnet ut hvor mye utslipp vi sparte.", "inkludering_mangfold"),
])
def test_a_pairing_in_another_sense_is_no_inclusion(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # what climate change affects is its effect, not a say
    ("Vi snakket om hvordan klimaendringene kommer til å påvirke hvor folk kan bo.", "demokratisk_deltakelse"),
    ("Me snakka om korleis klimaendringane vil påverke kvar folk kan bu.", "demokratisk_deltakelse"),
    # a podcast shown, or named as the subject of «handle om» across a relative clause, is a vehicle
    ("Etter framvisinga av podkasten snakka elevane om klimaendringar og kva dei sjølve kan gjere.",
     "digital_omstilling"),
    ("Etter fremvisingen av podkasten diskuterte elevene klimaendringer og hva de selv kan gjøre.",
     "digital_omstilling"),
    ("Podkasten som elevene hørte i timen, handlet om klimaangst, og de diskuterte den etterpå.",
     "digital_omstilling"),
    ("Podkasten vi høyrde på bussen handla om klimaangst, og elevane diskuterte han etterpå.", "digital_omstilling"),
])
def test_an_effect_or_a_vehicle_is_no_say_and_no_digital_work(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    ("Skolen lånte ut klær og sovepose til elever som ikke hadde råd selv.", "inkludering_mangfold"),
    ("Skulen lånte ut jakkar og sko til dei som ikkje hadde utstyr sjølve.", "inkludering_mangfold"),
    ("Mange av elevene hadde aldri sittet på et fly før turen.", "inkludering_mangfold"),
    ("Mange av elevane hadde aldri vore i utlandet før turen.", "inkludering_mangfold"),
    ("Vi diskuterte hvordan ungdom kan påvirke politikken i kommunen.", "demokratisk_deltakelse"),
    ("Familiar med dårleg råd fekk støtte frå skulen til reisa.", "inkludering_mangfold"),
    ("Noen foreldre hadde ikke råd til lommepenger, så skolen dekket det.", "inkludering_mangfold"),
    ("Nokre av elevane har lang skuleveg og kjem sjeldan med på turar.", "inkludering_mangfold"),
    ("Noen av elevene har ikke venner på skolen, og de fikk være med på turen.", "inkludering_mangfold"),
    ("Elevar som har droppa ut av skulen, fekk ein ny sjanse gjennom utplasseringa.", "inkludering_mangfold"),
    ("Dei polske elevane våre snakkar polsk heime med foreldra.", "inkludering_mangfold"),
    # a podcast made is digital: «som handla om» is the relative clause's own verb
    ("Elevane laga ein podkast som handla om klima, og redigerte han sjølve.", "digital_omstilling"),
])
def test_the_pairing_in_its_own_sense_stays(priority_codes, text, category):
    assert category in priority_codes(text)


def test_a_whole_word_mark_in_a_together_entry():
    entry = "rekkevidde/=råd/=dyr + familie/=heim"
    assert together_groups(entry) == [["rekkevidde", "råd", "dyr"], ["familie", "heim"]]
    assert together_whole_words(entry) == {"råd", "dyr", "heim"}
    book = Codebook(id="x", name="x", categories=[{"id": "a", "label": "A", "color": "#112233",
                                                   "together": [entry]}])
    assert book.categories[0].together == [entry]
    for wrong in ("= + familie", "==råd + familie", "rå=d + familie"):
        with pytest.raises(ValueError, match="whole word"):
            Codebook(id="x", name="x", categories=[{"id": "a", "label": "A", "color": "#112233",
                                                    "together": [wrong]}])
