"""STAR cues for ways of telling a story that carry no usual cue word: duty roles and goals set
by others as tasks, outcomes done to someone else or dated by when they came, drift into a CV."""

from mockint.domain import QuestionKind, Transcript
from mockint.feedback import analyze


def star_of(text: str):
    return analyze(Transcript(text=text), question="Tell me about a time you handled a difficult situation.",
                   kind=QuestionKind.behavioral).star


def test_a_duty_or_a_person_in_the_candidates_care_is_the_task():
    for task in ("Safety on site was on me.", "I was his nurse that day.", "I was their account manager.",
                 "My job as his care coordinator was to keep him safe.",
                 "Our team was asked by the area manager to fill the function room."):
        star = star_of(f"Last year a client was unhappy with us. {task} I called him and I fixed the order. "
                       "He renewed the contract.")
        assert star.task.present, task


def test_asking_others_to_do_something_is_an_action_not_a_task():
    star = star_of("One evening a man got on the bus without paying. I stopped the bus and I asked the other "
                   "passengers to stay seated. He got off before the police came.")
    assert not star.task.present and star.action.present


def test_what_was_done_to_someone_else_at_the_end_is_the_result_but_a_feeling_is_not():
    ending = star_of("On a night shift last year a girl rang us. I kept her on the line and I got the address. "
                     "He was arrested.")
    assert ending.result.present and ending.result.evidence == ["He was arrested."]
    # The rules' reading. The learned reading (learned_star.py) gives "He was annoyed." 0.46 as a result:
    # one of its disagreements with a hand-written case, listed in tests/data/feedback_eval/README.md.
    feeling = analyze(Transcript(text="On a night shift last year a girl rang us. I kept her on the line and I got "
                                      "the address. He was annoyed."),
                      question="Tell me about a time you handled a difficult situation.", kind=QuestionKind.behavioral,
                      encoder=False).star
    assert not feeling.result.present


def test_a_sentence_opening_on_when_it_came_is_the_result():
    star = star_of("In January the department was bottom of the region. I changed the rota and I started a "
                   "huddle before opening. By July we were at 26 percent.")
    assert star.result.evidence == ["By July we were at 26 percent."]


def test_a_story_that_turns_into_a_career_history_rambles():
    text = ("A customer in Didsbury thought I was selling her a boiler. I explained the pressure was dropping "
            "because of a weeping valve and I showed her the crust on it. I started as an apprentice with my uncle "
            "when I was sixteen, mostly bathrooms, and I learned tiling from him too. Then I did my Gas Safe when "
            "I was twenty-two and I went on my own. Now we do a lot of work for the housing association, mostly "
            "boiler swaps and servicing, and it pays every thirty days, which is good for the business.")
    fb = analyze(Transcript(text=text), question="Tell me about a time you explained a problem to a customer.",
                 kind=QuestionKind.behavioral)
    assert fb.rambling.is_rambling and "drifts from the question" in fb.rambling.signals
