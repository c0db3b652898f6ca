"""Spoken answers with a thinking pause planted mid-sentence, for scripts/bench.py.

Each answer is fed at real-time pace through the Recorder with the streaming
transcriber, as in a spoken session; it counts as cut if the answer ended at the
planted pause, and its feedback wait is timed from its last word.

- espeak-ng answers: the pause is an SSML break after "and", "because", "um" or a comma.
- real human speech (../shared/audio): the pause is spliced after "and" or a word
  followed by a comma, at the quietest frame just after Whisper's end of that word.

Pauses are 2.5, 3.0, 3.5 and 4.0 s in turn. Three sets (bench.py --set):
- bench: the benchmark's (16 espeak-ng, 8 human). Not used to set the rules, with one
  exception on record: its run in stop 19 cut one answer, and reaches_result was made
  stricter for that cause;
- dev: other stories and voices, and LJ001-0001..0010, for setting the rules;
- fresh: 10 stories by another engineer who never saw the rules (stop 19), in two other
  voices, run once after the rules were set.

Each answer is as long as a real answer to a story question (about 25-40 s): the sentence
with the planted pause comes after the situation and the task and before the result, and the recorder is told the question's shortest sensible answer, as a session
tells it. Human answers are three or four clips joined by 0.6 s gaps, the way a speaker
pauses between sentences.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from mockint.channels.voice import expected_answer
from mockint.domain import Question, QuestionKind
from mockint.feedback import analyze
from mockint.feedback.meaning import read_ahead
from mockint.speech.audio import Recorder, blocks_of
from mockint.speech.audiofile import read_audio
from mockint.speech.stt import StreamingTranscriber, Transcriber
from mockint.speech.vad import FRAME_SECONDS, SAMPLE_RATE, frame_levels, speech_span

PAUSES = (2.5, 3.0, 3.5, 4.0)
BLOCK = SAMPLE_RATE // 10
# With talking points, as a bank question has: the feedback then reads their meaning too (feedback/meaning.py).
QUESTION = Question(text="Tell me about a time you had to change course on a project.", kind=QuestionKind.behavioral,
                    talking_points=["what made the change necessary", "how you decided on the new course",
                                    "what the change achieved"])
# "|" marks the planted pause.
ESPEAK_ANSWERS = [
    "Last spring our biggest client moved the launch forward by a month and | we had to cut two features.",
    "I chose to rebuild the reporting pipeline because | the old one failed every time the data grew.",
    "The first thing I did was, um, | talk to each engineer on the team about what was blocking them.",
    "When the supplier went quiet, | I called their warehouse directly and found the order stuck in customs.",
    "We measured the wait times for two weeks and | found that most of the delay came from one approval step.",
    "My manager wanted a full rewrite, but | I suggested we fix the slowest query first and measure again.",
    "After the audit, | I wrote a checklist that the whole ward now uses at every handover.",
    "I think the main lesson was, um, | to ask for help earlier instead of hoping the problem would go away.",
]
# The situation before each planted sentence, and the result after it (same order as above).
ESPEAK_BEFORE = [
    "Last year I was the lead developer on a booking app for a chain of dental clinics. We had planned the release for the autumn.",
    "I work in the data team of a regional bus company. Every morning the managers read a report on late buses.",
    "When I joined the warehouse team as a shift lead, picking errors were our biggest complaint. The team was tired and morale was low.",
    "At my last job I ran purchasing for a small furniture maker. One spring a shipment of oak boards did not arrive.",
    "I was a team leader in the patient transport office of a large hospital. Patients were waiting too long for their transport home.",
    "Our online shop had slow search pages, and customers were leaving before they found anything.",
    "I was the nurse in charge on a busy surgical ward when an audit found gaps in our handovers.",
    "This was my first year as a project manager, and a migration I led slipped by six weeks.",
]
ESPEAK_TASK = [  # what the speaker had to do, between the situation and the planted sentence
    "My job was to get a working version to the client without breaking the clinics' old system.",
    "I was asked to find out why the report kept arriving late and to make it reliable.",
    "My manager asked me to bring the errors down before the busy season started.",
    "I had to keep three customer orders on time while I found out what had happened.",
    "I was asked to find where the time went and to cut the waiting in half.",
    "I was given two weeks to make the pages fast enough for the summer sale.",
    "As the nurse in charge, it was my job to make the handovers safe again.",
    "I had to explain the delay to the directors and get the project back on track.",
]
ESPEAK_AFTER = [
    "We shipped on the new date, and the client renewed the contract for two more years.",
    "The new pipeline has not failed once since, and the report is ready by seven every morning.",
    "Over the next quarter our picking errors fell by a third.",
    "The boards arrived four days later and we lost no orders.",
    "The average wait fell from ninety minutes to forty.",
    "Search became three times faster and fewer people left the page.",
    "At the next audit we had no missed items at all.",
    "The next project I ran finished a week early.",
]
# A development set, for setting the rules: other stories, voices and clips than the
# benchmark's (`--dev`). Each is (situation, task, the sentence with "|", result).
DEV_STORIES = [
    ("I coordinate volunteers for a food bank in the north of the city. Last winter demand doubled in a month.",
     "I had to find enough drivers to cover twice as many deliveries.",
     "I called every volunteer who had left in the past year, um, | and asked what would bring them back.",
     "Twenty of them came back, and we did not miss a single delivery that winter."),
    ("I was a site engineer on a school extension, and the steel frame arrived with the wrong beams.",
     "My job was to keep the pour on schedule while the supplier fixed the order.",
     "I reworked the sequence so that the east wing went first, because | its beams were already correct.",
     "We poured the slab on the planned day and the extension opened in time for September."),
    ("In my last role I looked after the help desk for a law firm of about three hundred people.",
     "The partners asked me to cut the number of password reset tickets.",
     "We rolled out self-service resets, and | I ran short sessions for each floor.",
     "Reset tickets fell from about two hundred a month to thirty."),
    ("I was the pharmacist on a late shift when the dispensing robot stopped working.",
     "I had to keep the discharge medicines flowing for the whole hospital.",
     "I split the team in two, with one group, | picking by hand from the backup shelves.",
     "Every patient who was due to go home that evening left with their medicines."),
    ("I work as an analyst at an energy supplier, and our bill forecasts were often wrong in winter.",
     "I was asked to find out why and to fix the model before the next cold spell.",
     "The errors came from the weather data, which | arrived six hours late every Monday.",
     "After we switched to a faster feed, the winter forecast error dropped from twelve to four percent."),
    ("At the bakery where I was a supervisor, two of our four ovens failed in the week before a holiday.",
     "I had to get every pre-order out on time with half the ovens.",
     "We baked through the night in two shifts, and the morning team, | boxed the orders as they cooled.",
     "All three hundred pre-orders were collected on time."),
    ("As a teacher I took over a year nine class whose reading scores were the lowest in the school.",
     "The head of department asked me to raise them by the end of the year.",
     "I started every lesson with ten minutes of paired reading, then | we talked about what they had read.",
     "By the summer the class average had risen by a full reading level."),
    ("I led a small team in a call centre for an internet provider, and our calls were running long.",
     "My manager wanted the average call under eight minutes without hurting satisfaction.",
     "I listened to fifty calls and noticed that, uh, | most of the time went on checking the customer's address.",
     "Once the address check was automated, calls averaged seven minutes and satisfaction went up."),
]
DEV_VOICES = [("en", 160), ("en-us+f3", 175)]
# A second held-out set (stop 19), written by another engineer who never saw the rules,
# run once after the rules were set (`--fresh`): espeak-ng only, in two other voices.
FRESH_STORIES = [
    ("I was working as a hospital porter at a big teaching hospital, and one of the main lifts broke down during the busiest morning shift.",
     "I had to find another way to get patients from the wards down to theatre on time.",
     "I worked out a route through the old east wing and | set up a relay with two other porters so nobody waited on their own.",
     "Every patient made their theatre slot that morning, and we cut average transfer time by about ten minutes."),
    ("I was the school business manager at a primary school, and halfway through the year our catering supplier went into administration.",
     "I had to get hot lunches back on for three hundred children within a week.",
     "I dropped the plan to tender for a new contract because | the process would take months, and asked the secondary school next door to share their kitchen.",
     "Hot lunches were back in five days, and the shared arrangement saved us about twelve thousand pounds that year."),
    ("I managed a mixed arable farm in Lincolnshire, and we had the wettest autumn in years, so half our fields were waterlogged.",
     "I had to decide whether to keep trying to drill winter wheat or change the plan.",
     "The forecast showed no break in the rain, so | I switched forty hectares to spring barley and put the rest into a cover crop.",
     "The barley yielded better than we'd budgeted for, and we avoided roughly thirty thousand pounds in wasted seed."),
    ("I was a controller at a bus depot, and on the first day of a new timetable, a third of our drivers were off sick.",
     "I had to keep the busiest routes running without cancelling whole services.",
     "I pulled drivers off the quieter rural routes and put them on, um, | the two hospital routes where people really couldn't wait an extra hour.",
     "We ran ninety percent of scheduled journeys that day, and we had only two complaints."),
    ("I was stage managing a touring play, and two days before opening the venue told us their fly system had failed its safety inspection.",
     "I had to restage every scene change without anything flown in from above.",
     "I sat down with the designer and the crew, | went through the show scene by scene, and we moved every piece onto wheeled trucks instead.",
     "We opened on time, and the scene changes actually ran about twenty seconds faster than the original version."),
    ("I worked as a housing officer for the local council, and we had planned to move twelve families into a newly refurbished block.",
     "I had to find them somewhere else to live when damp was found in the building.",
     "I didn't want to put them in bed and breakfasts because | that would have meant children changing schools, so I negotiated short leases with two housing associations.",
     "All twelve families were housed within three weeks, and none of the children had to move school."),
    ("I was the senior dental nurse at a busy practice, and our sterilising machine broke on a Monday with a full list booked.",
     "I had to keep appointments going safely while we waited for the engineer.",
     "I rang a practice across town and asked if, uh, | they'd let us run our instruments through their machine twice a day.",
     "We only cancelled four appointments all week, out of nearly two hundred."),
    ("I was an HVAC engineer fitting a new air conditioning system in an office block, and the client suddenly said they were adding a server room.",
     "I had to redesign the cooling layout without pushing back the handover date.",
     "We could have just upsized the main units, but | I suggested a separate split system for the server room so the offices weren't overcooled.",
     "We handed over on the original date, and the client's energy bills came in about fifteen percent under estimate."),
    ("I ran a small wedding catering business, and on the morning of a hundred and twenty guest wedding, our refrigerated van broke down.",
     "I had to get all the food to the venue cold and on time.",
     "I rang two of my regular suppliers, | explained what had happened, and one of them lent me their van and a driver for the day.",
     "The food arrived forty minutes before the guests, and the couple never found out anything had gone wrong."),
    ("I managed a town library, and we'd planned a big summer reading event in the main hall when the council closed it for roof repairs.",
     "I had to move the whole programme somewhere else with only ten days' notice.",
     "I split the event across three local parks and | got volunteers from the reading group to run a storytelling tent at each one.",
     "We had over four hundred children come along, which was nearly double the year before."),
]
FRESH_VOICES = [("en-us+m3", 170), ("en-gb", 155)]
ESPEAK_VOICES = [("en-us", 165), ("en-gb-x-rp", 150)]
CLIP_GAP_SECONDS = 0.6  # between joined human clips: a speaker's pause between sentences
HUMAN_WORDS = {"and", "because", "but"}
DEV_CLIPS = 10  # LJ001-0001..0010 are for setting the rules (--dev); the benchmark uses the others


@dataclass
class PlantedAnswer:
    """One answer with its planted pause: int16 audio and where its speech ends."""

    name: str
    audio: np.ndarray
    pause_seconds: float
    speech_end_seconds: float  # the end of the last word, in the audio


def espeak_answer(text: str, voice: str, rate: int, pause: float) -> np.ndarray:
    """espeak-ng speaking `text` with an SSML break of `pause` seconds at "|", as int16 16 kHz."""
    ssml = text.replace("|", f'<break time="{round(pause * 1000)}ms"/>')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answer.wav"
        subprocess.run(["espeak-ng", "-m", "-v", voice, "-s", str(rate), "-w", str(path), ssml], check=True)
        return (read_audio(path, SAMPLE_RATE) * 32767).astype(np.int16)


def splice_point(audio: np.ndarray, after_seconds: float) -> int:
    """The sample of the quietest 20 ms frame within 0.25 s after a word's (rough) end."""
    frame = round(FRAME_SECONDS * SAMPLE_RATE)
    start = max(0, round((after_seconds - 0.05) * SAMPLE_RATE))
    levels = frame_levels(audio[start : start + round(0.3 * SAMPLE_RATE)], frame)
    return start + int(np.argmin(levels)) * frame + frame // 2


def is_dev_clip(file: str) -> bool:
    """Whether a clip of ../shared/audio belongs to the development set (LJ001-0001..0010)."""
    return file.startswith("ljspeech/LJ001-00") and int(file[-6:-4]) <= DEV_CLIPS


def human_answers(audio_dir: Path, transcriber: Transcriber, count: int, dev: bool) -> list[tuple[str, np.ndarray, int]]:
    """Real clips with a word to pause after: (name, int16 audio, splice sample), at most `count`."""
    manifest = json.loads((audio_dir / "manifest.json").read_text())
    clips = [m for m in manifest if is_dev_clip(m["file"]) == dev]
    found = []
    for item in clips:
        audio = read_audio(audio_dir / item["file"], SAMPLE_RATE)
        words = transcriber.transcribe(audio).words
        total = audio.size / SAMPLE_RATE
        for word in words:
            bare = word.text.lower().strip(".,!?")
            middle = 1.5 <= word.end <= total - 1.5
            if middle and (bare in HUMAN_WORDS or word.text.endswith(",")):
                found.append((item["file"], (audio * 32767).astype(np.int16), splice_point(audio, word.end)))
                break
        if len(found) == count:
            break
    return found


def trimmed(audio: np.ndarray) -> np.ndarray:
    """A clip without the silence before and after its speech (the gaps between clips are set by the joiner)."""
    span = speech_span(audio)
    if span is None:
        return audio
    return audio[int(span[0] * SAMPLE_RATE) : int(np.ceil(span[1] * SAMPLE_RATE))]


SETS = ("bench", "dev", "fresh")


def planted_answers(audio_dir: Path | None, transcriber: Transcriber, which: str = "bench") -> list[PlantedAnswer]:
    """The answers of one set (the benchmark's, the development set, or the fresh held-out one):
    espeak-ng voices first, then human clips (none in the fresh set)."""
    stories, voices = {
        "bench": (list(zip(ESPEAK_BEFORE, ESPEAK_TASK, ESPEAK_ANSWERS, ESPEAK_AFTER)), ESPEAK_VOICES),
        "dev": (DEV_STORIES, DEV_VOICES),
        "fresh": (FRESH_STORIES, FRESH_VOICES),
    }[which]
    answers = []
    for v, (voice, rate) in enumerate(voices):
        for i, (before, task, planted, after) in enumerate(stories):
            pause = PAUSES[(i + v) % len(PAUSES)]
            audio = espeak_answer(f"{before} {task} {planted} {after}", voice, rate, pause)
            answers.append(PlantedAnswer(f"espeak {voice}: {planted[:30]}...", audio, pause, speech_span(audio)[1]))
    if which != "fresh" and audio_dir is not None and (audio_dir / "manifest.json").is_file():
        found = human_answers(audio_dir, transcriber, 8, which == "dev")
        between = np.zeros(round(CLIP_GAP_SECONDS * SAMPLE_RATE), np.int16)
        for i, (name, audio, at) in enumerate(found):
            pause = PAUSES[i % len(PAUSES)]
            gap = np.zeros(round(pause * SAMPLE_RATE), np.int16)
            # the clip with the planted pause, after two other clips and before a third
            others = [found[(i + k) % len(found)][1] for k in (1, 2, 3)]
            parts = [others[0], between, others[1], between, audio[:at], gap, audio[at:], between, others[2]]
            joined = np.concatenate([trimmed(p) if p is not between and p is not gap else p for p in parts])
            answers.append(PlantedAnswer(f"human {name} (+3 clips)", joined, pause, speech_span(joined)[1]))
    return answers


def run_answer(answer: PlantedAnswer, transcriber: Transcriber, end_silence: float, paced: bool = True) -> dict:
    """Feed one answer (1 s before, 6 s after) at real-time pace; was it cut, how long was the wait."""
    lead = np.zeros(SAMPLE_RATE, np.int16)
    mic = np.concatenate([lead, answer.audio, np.zeros(6 * SAMPLE_RATE, np.int16)])
    # As the voice channel does: the finished sentences' meaning is read while the answer goes on.
    stream = StreamingTranscriber(transcriber, on_text=partial(read_ahead, QUESTION.text, QUESTION.talking_points))
    recorder = Recorder(None, end_silence_seconds=end_silence)
    started = time.perf_counter()
    recording = recorder.collect(blocks_of(mic, BLOCK, paced=paced), stream.feed, transcript=stream,
                                 expected=expected_answer(QUESTION))
    transcript = stream.finish()
    analyze(transcript, question=QUESTION.text, kind=QUESTION.kind, talking_points=QUESTION.talking_points)
    ready = time.perf_counter()
    last_word = 1.0 + answer.speech_end_seconds  # where the last word ends in `mic`
    heard_at = started + np.ceil(last_word * SAMPLE_RATE / BLOCK) * BLOCK / SAMPLE_RATE
    cut = recording.waited_seconds + recording.speech_seconds < last_word - 0.3
    return {
        "name": answer.name,
        "pause_s": answer.pause_seconds,
        "answer_s": round(answer.speech_end_seconds, 1),
        "cut": bool(cut),
        "stop_reason": recording.stop_reason,
        "ended_after_silence_s": recording.ended_after_silence_seconds,
        "end_verdict": recording.end_verdict,
        # unpaced, the audio outruns the clock: there is no wait to time, only the verdict
        "feedback_after_last_word_s": None if cut or not paced else round(ready - heard_at, 2),
        "text": transcript.text,
    }


def thinking_pause_results(audio_dir: Path | None, transcriber: Transcriber, end_silence: float,
                           which: str = "bench", paced: bool = True) -> dict:
    """The benchmark figures over every planted answer of a set (SETS), and each answer's row.

    `paced=False` feeds the audio as fast as it is transcribed: the same verdicts (the
    collector waits for the text), no real waits.
    """
    rows = [run_answer(a, transcriber, end_silence, paced) for a in planted_answers(audio_dir, transcriber, which)]
    waits = [r["feedback_after_last_word_s"] for r in rows if r["feedback_after_last_word_s"] is not None]
    return {
        "feedback_after_last_word_s": round(statistics.median(waits), 2) if waits else None,
        "feedback_after_last_word_max_s": max(waits, default=None),
        "thinking_pauses_tested": len(rows),
        "thinking_pauses_cut": sum(r["cut"] for r in rows),
        "answers": rows,
    }
