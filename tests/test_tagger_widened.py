"""The pupils' codebook widened from its categories' definitions (round 14 of issue 15): sciences and
disciplines by name, the methods of school science, trades not yet named, the parts of a language skill, and
plain synonyms of the concepts. Every word here is in no labelled set: the reason to list it is the definition.
Real pipeline, bokmål and nynorsk, asserting the colour an analyst would see in the word cloud."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "category"), [
    # sciences and disciplines named by a learned suffix (no head of their own): subject knowledge
    ("meteorologi", "nokkelkompetanser"), ("paleontologi", "nokkelkompetanser"),  # bokmål and nynorsk alike
    ("arkeologien", "nokkelkompetanser"), ("trigonometri", "nokkelkompetanser"),
    ("botanikk og zoologi", "nokkelkompetanser"),
    ("talforståing", "nokkelkompetanser"), ("kartforståing", "nokkelkompetanser"),  # nynorsk
    # the methods of school science and project work
    ("hypoteser og datainnsamling", "nokkelkompetanser"),  # bokmål
    ("naturvitskapleg tenking", "nokkelkompetanser"), ("hypotesar", "nokkelkompetanser"),  # nynorsk
    # trades of the maritime programme
    ("sjømannskap", "nokkelkompetanser"), ("navigasjon til sjøs", "nokkelkompetanser"),
    # the parts of a language skill
    ("bedre leseferdigheter", "sprakferdigheter"), ("høflighetsfraser", "sprakferdigheter"),  # bokmål
    ("leseferdigheiter", "sprakferdigheter"), ("taleferdigheiter", "sprakferdigheter"),  # nynorsk
    # fewer outcasts (as «færre fordommer»): inclusion
    ("mindre isolert", "sosial_inkludering"), ("ingen utestengning", "sosial_inkludering"),  # bokmål
    ("mindre isolasjon i klassen", "sosial_inkludering"), ("ikkje utestengt lenger", "sosial_inkludering"),  # nynorsk
    ("kameraderi", "sosial_inkludering"),
    # bravery, gratitude, humility, inner calm: personal development
    ("tapperhet", "personlig_utvikling"), ("takknemlighet", "personlig_utvikling"),  # bokmål
    ("indre ro", "personlig_utvikling"),
    ("tapperheit", "personlig_utvikling"), ("takksemd", "personlig_utvikling"),  # nynorsk
    ("audmjukheit", "personlig_utvikling"),
    # a shared responsibility, an awareness of resources: citizenship
    ("medansvar", "medborgerskap"), ("ressursbevissthet", "medborgerskap"), ("ressursmedvit", "medborgerskap"),
    # the topics of the school subjects as a pupil names what she learnt
    ("steinalderen", "nokkelkompetanser"), ("næringskjeder", "nokkelkompetanser"),  # bokmål
    ("hoderegning", "nokkelkompetanser"), ("kildehenvisninger", "nokkelkompetanser"),
    ("mellomalderen", "nokkelkompetanser"), ("bergartar", "nokkelkompetanser"),  # nynorsk
    # more languages by name
    ("grønlandsk", "sprakferdigheter"), ("kvensk", "sprakferdigheter"), ("esperanto", "sprakferdigheter"),
    # belonging said as feeling welcome or at home
    ("følte meg velkommen", "sosial_inkludering"),  # bokmål
    ("kjende oss heime", "sosial_inkludering"),  # nynorsk
    # fearlessness, a spark, good spirits, cosiness
    ("gnist", "personlig_utvikling"), ("godt humør", "personlig_utvikling"), ("hygge", "personlig_utvikling"),
    ("fryktlaus", "personlig_utvikling"),  # nynorsk
    # the trades of the apprenticeship subjects, and seeking a job
    ("urmaker", "nokkelkompetanser"), ("taktekker", "nokkelkompetanser"), ("lydtekniker", "nokkelkompetanser"),  # bokmål
    ("jobbsøknader", "nokkelkompetanser"),
    ("skreddar", "nokkelkompetanser"), ("steinhoggar", "nokkelkompetanser"),  # nynorsk
    # reasoning, solving tasks, dividing a project's work, inquiry
    ("oppgaveløsning", "nokkelkompetanser"), ("rollefordeling", "nokkelkompetanser"),  # bokmål
    ("prosjektoppgåve", "nokkelkompetanser"), ("undersøkande arbeid", "nokkelkompetanser"),  # nynorsk
    # sentence building and understanding words
    ("setningsoppbygging", "sprakferdigheter"),  # bokmål
    ("ordforståing", "sprakferdigheter"),  # nynorsk
    # a closer class, fewer conflicts and less scepticism: the community
    ("gruppa ble tettere", "sosial_inkludering"), ("ingen krangling", "sosial_inkludering"),  # bokmål
    ("mindre skeptiske", "sosial_inkludering"),
    ("klassa vart tettare", "sosial_inkludering"), ("færre konfliktar", "sosial_inkludering"),  # nynorsk
    # shyness gone, out of one's shell: confidence
    ("ikke like sjenert", "personlig_utvikling"), ("kommet ut av skallet", "personlig_utvikling"),  # bokmål
    ("mindre blyg", "personlig_utvikling"),  # nynorsk
    # voting, law-making, a consumer's awareness, saving energy: citizenship
    ("stemme i valg", "medborgerskap"), ("enøk", "medborgerskap"),  # bokmål
    ("røyste i val", "medborgerskap"), ("lovgiving", "medborgerskap"), ("forbrukermedvit", "medborgerskap"),  # nynorsk
    # thinking anew, learning new things (key competence)
    ("tenke annerledes", "nokkelkompetanser"), ("lærte masse nye ting", "nokkelkompetanser"),  # bokmål
    ("tenkje nytt", "nokkelkompetanser"),  # nynorsk
    # understanding one another and how others live, tying bonds (inclusion)
    ("forstå hverandre", "sosial_inkludering"), ("knytte sterke bånd", "sosial_inkludering"),  # bokmål
    ("forstod kvarandre", "sosial_inkludering"), ("korleis folk bur", "sosial_inkludering"),  # nynorsk
    ("knytte nye vennskap", "sosial_inkludering"),
    # plans for the future, experiencing something new (personal development)
    ("fremtidsmål", "personlig_utvikling"), ("oppleve noe nytt", "personlig_utvikling"),  # bokmål
    ("framtidsplanar", "personlig_utvikling"), ("opplevde mykje nytt", "personlig_utvikling"),  # nynorsk
])
def test_words_of_the_definitions_reach_their_category(answer_codes, text, category):
    assert answer_codes(text) == (category, {category})


@pytest.mark.parametrize("text", [
    # a science's measuring brings no verb: a remark about measuring is no outcome
    "vanskelig å måle effekten",  # bokmål
    "vanskeleg å måle",  # nynorsk
    # what a trip also names stays uncoded: leisure fishing, the excursion itself, being isolated
    "havfiske", "felttur", "isolert",
    # a sight is no subject: a prison cell on a guided tour («celle» is no term, only its biology's topics are)
    "fengselscelle",
    # conflicts, a shell, a tight lid name no outcome until a pupil has fewer, comes out of it or a class grows closer
    "konflikter", "skallet på egget", "tette vinduer",
])
def test_what_the_widening_leaves_out_stays_uncoded(answer_codes, text):
    assert answer_codes(text) == (None, set())


def test_a_speaking_skill_is_speech_not_endurance(answer_codes):
    # «taleferdighet» was read as «tåle» (to endure) + «ferdighet»: a red word in the cloud
    assert answer_codes("taleferdighet") == ("sprakferdigheter", {"sprakferdigheter"})
    assert answer_codes("tåle motgang")[0] == "personlig_utvikling"


@pytest.mark.parametrize("text", ["forstår andre språk godt", "forstod andre språk"])  # bokmål, nynorsk
def test_understanding_another_language_is_the_language_only(answer_codes, text):
    # «forstå andre» is understanding others (inclusion), but not before «språk»: «andre» is then an adjective
    assert answer_codes(text) == ("sprakferdigheter", {"sprakferdigheter"})
