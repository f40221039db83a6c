"""Several questions in one message, the aspect asked, disputes and risk cautions:
the parts of a reply that answer what the patient actually asked (real stores)."""

from __future__ import annotations

import pytest

from bot import settings
from bot.dialogue.answers import Question, answer_question, answer_questions
from bot.dialogue.aspects import asked_aspect, asked_aspects, load_aspects
from bot.dialogue.risk_context import cautions, load_risk_contexts, risk_contexts
from bot.nlp.questions import split_questions


@pytest.mark.parametrize(
    "text, parts",
    [
        ("what causes acne scars and how do I get rid of them?", ["what causes acne scars", "how do I get rid of them?"]),
        ("Does microneedling hurt? Also how much does it cost", ["Does microneedling hurt?", "Also how much does it cost"]),
        ("hi! what are boxcar scars. which laser is best for them", ["what are boxcar scars.", "which laser is best for them"]),
        # context before one question is not a question of its own
        (
            "I'm 16 and my forehead is covered in spots, am I going to end up with scars?",
            ["I'm 16 and my forehead is covered in spots, am I going to end up with scars?"],
        ),
        ("what are rolling scars", ["what are rolling scars"]),
        (
            "r my scars permanent. and how do i stop new ones forming",
            ["r my scars permanent.", "and how do i stop new ones forming"],
        ),
        # a comma, a colon or an emoji before a question
        (
            "ok 3 questions sorry 🙈 what causes acne scars, do they go away by themselves, and how much is it",
            ["what causes acne scars", "do they go away by themselves", "how much is it"],
        ),
        ("sorry ☹️ what causes acne scars", ["what causes acne scars"]),
        ("quick q: is laser safe for dark skin", ["is laser safe for dark skin"]),
        ("if I get laser, will it hurt", ["will it hurt"]),
        ("what about when I am 18. will it be cheaper", ["what about when I am 18.", "will it be cheaper"]),
        (
            "3 things: 1) do you treat raised scars 2) what causes ice pick ones",
            ["do you treat raised scars", "what causes ice pick ones"],
        ),
        (
            "is microdermabrasion any good for scarring, and roughly how much is a session?",
            ["is microdermabrasion any good for scarring", "how much is a session?"],
        ),
        # "+" joins two questions, not a device's name
        ("why do acne scars happen + can they get me down", ["why do acne scars happen", "can they get me down"]),
        ("Clear + Brilliant, how does it work", ["how does it work"]),
    ],
)
def test_questions_are_split_where_a_new_one_starts(text, parts):
    found = split_questions(text)
    assert [part.text for part in found] == parts
    assert all(text[part.start : part.end].startswith(part.text) for part in found)


@pytest.mark.parametrize(
    "text, aspect",
    [
        ("how long do fillers last", "duration"),
        ("how long does juvederm stay in", "duration"),
        ("is it permanent?", "duration"),
        ("how many sessions of microneedling would i need", "sessions"),
        ("does microneedling hurt", "pain"),
        ("how much is a chemical peel", "cost"),
        ("whats the downtime after laser", "downtime"),
        ("can i do microneedling at home with a derma roller", "at_home"),
        ("how does a chemical peel work", "how_it_works"),
        ("what are boxcar scars", None),
        ("Are fillers permanent?", "duration"),
        ("How long does the swelling last after fillers", "downtime"),
        ("How long does it take to see results", "results_time"),
        ("how fast does it work", "results_time"),
        ("how much r they", "cost"),
        ("roughly what would a course of peels set me back?", "cost"),
        ("How many microneedling treatments until my scars look better?", "sessions"),
        ("how many different treatments are there", None),
        ("how many sessions are there in a course?", "sessions"),
        ("how soon can i work out after microneedling?", "downtime"),
        ("how quickly does microneedling show results", "results_time"),
        ("how long does fraxel take to start working", "results_time"),
        ("how long does laser treatment take to work on acne scars", "results_time"),
        ("my wedding is in 3 months, can my scars be fixed by then", "results_time"),
        ("will the scars be gone before my wedding with laser", "results_time"),
        ("i have super sensitive skin, which treatment is the gentlest", "pain"),
        ("are laser results for scars permanent", "duration"),
        ("are the side effects of fillers permanent?", "side_effects"),
        ("how long do scars take to show after a breakout", None),
        ("is one session of fraxel enough", "sessions"),
        ("will i need maintenance sessions after microneedling", "duration"),
        ("can laser be combined with a peel", "combination"),
        ("what is the success rate of subcision", "success_rate"),
        ("does fraxel work on chest scars too", "body_area"),
        ("how do i prepare for a chemical peel", "preparation"),
        ("is there an age limit for fillers", "age"),
        ("when can i go back to work after laser", "downtime"),
        ("what age do acne scars appear", None),
        ("is fraxel a one off or every year", "duration"),
        ("does the improvement stay if i stop", "duration"),
        ("how long does a peel appointment take", "sessions"),
        ("how far apart are the sessions", "sessions"),
        ("how many would I need", "sessions"),
        ("is microneedling gentler than laser", "pain"),
        ("am i too late for fillers at 60", "age"),
        ("45, had acne as a teen, scars still there. too late for me?", "age"),
        ("can you do laser in summer or only winter", "timing"),
        ("how long after my acne clears can i start scar treatment", "timing"),
        ("what's the best time of year for a peel", "timing"),
        ("how does microneedling get rid of scars?", "how_it_works"),
        ("when would i actually start seeing results after fraxel", "results_time"),
        ("how quickly does a chemical peel work on scars", "results_time"),
        ("how many chemical peels would i need", "sessions"),
        ("does clear + brilliant need lots of sessions", "sessions"),
        ("can acne scars come back after theyve been treated", "duration"),
        ("ok so which one hurts least", "pain"),
        ("and how much?", "cost"),
        ("how long after laser can i wear makeup", "downtime"),
        ("can i wear makeup straight after one", "downtime"),
        ("how long is each appointment?", "sessions"),
        ("can i use foundation to cover scars after acne heals", None),
        ("my skin hurts more after the peel, is that normal?", None),
        ("how do doctors treat acne scars", None),
        ("how do people get rid of acne scars", None),
        ("how many types of peels are there", None),
        ("how many peels are there", None),
        ("will they come back after i stop treatment", None),
        # the same words, asking something else
        ("my acne keeps coming back after i stop treatment", None),
        ("when will i see my dermatologist", None),
        ("how does acne cause scars", None),
        ("I have a combination of rolling and boxcar scars, what would help?", None),
        ("how long do the side effects last?", "side_effects"),
        ("it took an age to heal", None),
        ("is it too late to book for friday?", None),
        ("i got acne in the summer, what is laser", None),
        ("I get more breakouts in the summer, will laser help?", None),
        ("how long after acne do scars start to show", None),
        ("will it affect the rest of my body?", None),
        ("my scars are milder on the left side", None),
        # the same words, another question
        ("How much does laser help with scars?", None),
        ("What treatment is best for my painful scars?", None),
        ("What do I do about my boxcar scars?", None),
        ("How do I help my scars heal", None),
        ("will they get better in time on their own?", None),
        ("i only have the mildest scarring, what treatment would help", None),
    ],
)
def test_the_aspect_asked_is_found(text, aspect):
    found = asked_aspect(text)
    assert (found.name if found else None) == aspect


@pytest.mark.parametrize(
    "text, aspects",
    [
        ("does the juvederm injection hurt and how many months do the results stay", ["pain", "duration"]),
        ("is fraxel safe and what does it actually do to the skin", ["side_effects", "how_it_works"]),
        ("what do peels do for scars and do they sting much?", ["how_it_works", "pain"]),
        # one question read once, by the aspect listed first
        ("How long does the swelling last after fillers", ["downtime"]),
        ("is it permanent? how long does it last", ["duration"]),
        ("what are boxcar scars", []),
    ],
)
def test_every_aspect_asked_is_found_in_the_order_asked(text, aspects):
    assert [aspect.name for aspect in asked_aspects(text)] == aspects


def test_two_aspects_asked_of_one_treatment_are_both_answered_in_order(knowledge):
    text = answer_question(
        knowledge, "side_effects", treatments=["dermal fillers"], question="does juvederm hurt and how many months does it last"
    ).text
    pain, lasts = text.index("My sources don't cover how painful treatment with dermal fillers is"), text.index("12 months")
    assert pain < lasts


def test_an_aspect_the_documents_answer_comes_first(knowledge):
    text = answer_question(knowledge, "treatment", treatments=["dermal fillers"], question="how long do fillers last?").text
    assert text.startswith("Juvederm, a dermal filler, can be used to lift scars for 12 months at a time")
    assert text.endswith(settings.DISCLAIMER)


def test_an_aspect_the_documents_do_not_answer_is_said_plainly(knowledge):
    text = answer_question(knowledge, "side_effects", treatments=["microneedling"], question="does microneedling hurt?").text
    assert text.startswith("My sources don't cover how painful microneedling is. A dermatologist")
    assert "12 months" not in text
    cost = answer_question(knowledge, "treatment", treatments=["laser"], question="how much does laser cost").text
    assert cost.startswith("My sources don't cover the cost of laser treatment. The clinic's team can tell you")


def test_several_questions_get_each_answer_then_one_sources_line_and_disclaimer(knowledge):
    answer = answer_questions(
        knowledge,
        [
            Question("causes", text="what causes acne scars"),
            Question("treatment", ("rolling",), text="how are rolling scars treated"),
        ],
    )
    assert answer.entry_keys == ("causes", "treatment/rolling")
    assert answer.text.count("Sources: ") == 1
    assert answer.text.count(settings.DISCLAIMER) == 1 and answer.text.endswith(settings.DISCLAIMER)


def test_a_reply_that_touches_popping_says_the_sources_disagree(knowledge):
    # the question is about prevention, but it mentions popping
    text = answer_question(knowledge, "prevention", question="my friend says popping zits is fine, how do I avoid scars").text
    assert "Sources differ: One source quotes a board-certified facial plastic surgeon" in text
    # "ice pick" scars are not picking, nor is picking a treatment
    assert "Sources differ" not in answer_question(knowledge, "scar_types", ["ice pick"], question="what are ice pick scars").text
    assert "Sources differ" not in answer_question(knowledge, "treatment", question="which treatment should I pick").text


def test_a_treatment_or_scar_type_no_document_names_is_said_to_be_uncovered_before_the_general_answer(knowledge):
    text = answer_question(knowledge, "treatment", question="what is subcision").text
    assert text.startswith("My sources don't cover subcision. A dermatologist")
    assert "microneedling" in text
    text = answer_question(knowledge, "treatment", question="is subcision or keloid removal better, or microdermabrasion?").text
    assert text.startswith(
        "My sources don't cover subcision. A dermatologist can tell you what to expect for your skin.\n\n"
        "My sources don't cover keloid scars."
    )
    # microdermabrasion, which a document names, is not dermabrasion
    assert "dermabrasion." not in text
    assert not answer_question(knowledge, "treatment", question="what is microdermabrasion").text.startswith("My sources")


@pytest.mark.parametrize(
    "question, subject",
    [
        ("does toothpaste fade acne scars", "toothpaste"),
        ("is lemon juice good for acne marks", "lemon juice"),
        ("would rosehip oil help my scars", "oils such as rosehip, coconut, tea tree or Bio-Oil"),
    ],
)
def test_a_home_remedy_no_document_names_is_said_to_be_uncovered(knowledge, question, subject):
    assert answer_question(knowledge, "treatment", question=question).text.startswith(f"My sources don't cover {subject}.")


def test_whether_scars_are_permanent_is_answered_as_the_sources_differ_on_it(knowledge):
    text = answer_question(knowledge, "go_away", question="are acne scars permanent").text
    assert text.startswith("Deep acne scars don't usually go away by themselves")
    assert "The sources differ on whether scars are permanent" in text


@pytest.mark.parametrize(
    "text, names",
    [
        ("I'm 16 and my forehead is covered in spots, will I scar?", ["under_18"]),
        ("can i use a needle to pop my cyst", ["self_treatment"]),
        ("bought filler online, can i inject it myself", ["self_treatment"]),
        ("planning to inject some hyaluronic filler I bought online into my acne dents myself", ["self_treatment"]),
        ("im pregnant can i get laser", ["pregnancy"]),
        ("I'm on roaccutane, when can I do microneedling", ["isotretinoin"]),
        ("is laser ok for dark skin", ["darker_skin"]),
        ("put toothpaste on my scars and now it's burning and red", ["skin_reaction", "self_treatment"]),
        ("I had acne as a teenager, now I'm 30", []),
        ("which laser should I pick", []),
        ("does the doctor inject the filler into the dents, and what aftercare do I need to do at home?", []),
        ("thinking of doing microneedling at home with a 1.5mm roller", ["self_treatment"]),
        ("I ordered a dermapen from Amazon to do my scars", ["self_treatment"]),
        ("I used a dermaroller yesterday and now my face is swollen and bleeding", ["skin_reaction", "self_treatment"]),
        ("My 15-year-old daughter has scars on her chin", ["under_18"]),
        # ordinary questions that share their words
        ("Does salicylic acid help acne scars?", []),
        ("Can glycolic acid fade red marks?", []),
        ("I have red marks from my acne, which peel is best?", []),
        ("Are hyaluronic acid fillers good for rolling scars?", []),
        ("Does microneedling use needles on the scars?", []),
        ("Does microneedling use a needle on the scars?", []),
        ("my dermatologist did subcision with a needle to release my rolling scars", []),
        ("can i use a sewing needle to open up the ice pick scars so they heal flat", ["self_treatment"]),
        ("i stuck a needle into my scars last night", ["self_treatment"]),
        ("could i poke my boxcar scars with a needle", ["self_treatment"]),
        ("Can I go home after laser the same day?", []),
        ("been doing a lemon juice and baking soda paste every night to fade my scars", ["self_treatment"]),
        ("is a garlic mask ok for acne marks", ["self_treatment"]),
        ("would a lemon face mask fade my scars", ["self_treatment"]),
        ("my dentist said toothpaste on my gums is fine", []),
        ("can a hyaluron pen fill my boxcar scars", ["self_treatment"]),
        ("I'm 12 weeks pregnant", ["pregnancy"]),
        ("i'm 14 sessions into microneedling", []),
        ("My scars are 15 years old", []),
        ("my 14 yr old wants to use my derma roller on her scars", ["self_treatment", "under_18"]),
        ("got a microneedling pen off amazon, what depth for ice picks", ["self_treatment"]),
        ("is a derma roller the same as microneedling at the clinic?", []),
        ("my gran gave me a whitening cream, can i put it on my acne marks", ["unknown_product"]),
        ("the label isn't in english but it says it fades scars", ["unknown_product"]),
        ("what cream should i use after fraxel", []),
        ("im really tanned from my holiday, is laser tomorrow ok", ["recent_tan"]),
        ("how do i avoid getting sunburnt after my laser", []),
        ("I have never been on sunbeds", []),
        ("does the clinic use a derma pen?", []),
        ("I read about microneedling from the internet, does it work?", []),
        ("thinking of using a sewing pin to dig out my blackheads", ["self_treatment"]),
        ("been using a glycolic toner 3 times a day and now my face is raw and stings", ["skin_reaction"]),
        ("ive been using retinol for a month, is it normal that it stings a bit", []),
        ("13 yr old here. do spots always leave marks", ["under_18"]),
        ("My skin is dark brown and I'm worried a peel will leave it patchy", ["darker_skin"]),
        ("12 year old scars on my cheeks, can they still be improved", []),
        ("my skin is darker where the spots were", []),
        ("ive been using tretinoin for 3 months and now the redness and swelling have gone down a lot", []),
        ("im having my scars removed with a scalpel by the surgeon next month", []),
        ("the nurse used a needle to drain my cysts, will they scar", []),
        ("what if i just shave the raised scar down with a razor", ["self_treatment"]),
        ("does the dermatologist remove the scar with a scalpel", []),
        ("can i shave my face after laser, will the razor irritate it", []),
    ],
)
def test_risk_contexts_are_recognised(text, names):
    assert [context.name for context in risk_contexts(text)] == names


def test_a_skin_reaction_is_told_to_stop_rinse_and_see_someone_today():
    [caution, _] = cautions("put lemon juice on my scars and now it's burning")
    assert "stop using it, rinse the area gently" in caution and "doctor or pharmacist today" in caution


def test_the_data_files_load():
    assert len(load_aspects().aspects) >= 8
    assert len(load_risk_contexts()) == 8


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda raw: raw.update(not_covered="My sources don't cover {what}."), "must use {what} and {who}"),
        (lambda raw: raw["aspects"]["pain"].update(what="how painful it is"), "needs a `what` with {subject}"),
        (lambda raw: raw["who"].update(clinic="Call {phone}."), "no placeholder but {contact}"),
        (lambda raw: raw["aspects"]["pain"].update(patterns=["(unclosed"]), "cannot be used"),
    ],
)
def test_a_broken_aspects_file_is_refused_with_what_to_fix(tmp_path, change, problem):
    import re

    import yaml

    from bot.dialogue.aspects import ASPECTS_FILE, AspectsError

    raw = yaml.safe_load(ASPECTS_FILE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "aspects.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(AspectsError, match=re.escape(problem)):
        load_aspects.__wrapped__(path)
