// The practice page: the start form, then one session driven over a WebSocket.
// The server runs the session (the terminal's engine); this page shows what it sends,
// plays the spoken questions, and sends back typed answers, button presses and microphone audio.
import { Microphone, microphoneProblem } from "/static/microphone.js";

const $ = (id) => document.getElementById(id);
const state = {
  ws: null,
  mode: "text",
  session: null,
  answered: 0,
  started: false,
  ended: false,
  refused: false, // another tab has the session: this one stays quiet
  reviewing: false, // feedback is on screen; the next question waits for "Next question"
  pendingQuestion: null,
  pendingSpeech: null,
  recording: false,
  mic: null,
  player: null,
  timings: [], // per answer: when it ended and when its feedback was on screen (performance.now())
};
window.mockintPage = state; // for the tests and the benchmark

// ---- the connection -----------------------------------------------------------------

function connect() {
  const ws = new WebSocket(`ws://${location.host}/ws`);
  ws.binaryType = "arraybuffer";
  ws.onmessage = (event) => handle(JSON.parse(event.data));
  ws.onclose = () => connectionClosed();
  state.ws = ws;
}

function send(message) {
  if (state.ws && state.ws.readyState === WebSocket.OPEN) state.ws.send(JSON.stringify(message));
}

const handlers = {
  ready() {
    if (state.refused) clearProblem(); // the other tab has gone: this one takes over
    state.refused = false;
    $("start").disabled = false;
  },
  busy(m) {
    state.refused = true;
    showProblem(m.text);
    $("start").disabled = true;
    setTimeout(connect, 2000); // ask again: closing the other tab hands the practice to this one
  },
  status(m) { $("start-status").textContent = m.text; },
  error(m) {
    if (!state.started) {
      $("start-status").textContent = "";
      $("start").disabled = false;
    }
    showProblem(m.text);
  },
  started(m) {
    state.started = true;
    state.session = m.session;
    state.mode = m.mode;
    $("setup").hidden = true;
    $("live").hidden = false;
    $("session-line").textContent =
      `Session ${m.session} · ${m.role} · ${m.mode === "voice" ? "spoken" : "typed"} answers`;
    $("voice-hint").textContent = m.help;
    clearProblem();
  },
  question(m) {
    if (state.reviewing) {
      state.pendingQuestion = m;
      $("next").hidden = false;
    } else {
      showQuestion(m);
    }
  },
  speech(m) {
    if (state.pendingQuestion) state.pendingSpeech = m.url;
    else play(m.url);
  },
  recording_ended() {
    state.timings.push({ ended: performance.now() });
    stopMicrophone();
    $("rec-status").textContent = "Working out your feedback…";
  },
  mic_problem(m) {
    showProblem(m.text);
    $("answer-form").hidden = false;
  },
  notice(m) { $("notice").textContent = m.text; if (!state.reviewing) enableAnswer(true); },
  saved(m) { state.answered = m.answered; },
  feedback(m) {
    state.answered = m.answered;
    $("feedback-body").innerHTML = m.html; // made on the server from escaped text, like the review page
    const last = state.timings[state.timings.length - 1];
    if (last && last.feedback === undefined) last.feedback = performance.now();
    state.reviewing = true;
    enableAnswer(false);
    $("rec-status").textContent = "";
    $("feedback-title").focus();
  },
  summary(m) {
    state.ended = true;
    state.answered = m.answered;
    $("question-card").hidden = true;
    $("answer-voice").hidden = true;
    $("answer-form").hidden = true;
    $("next").hidden = true;
    $("summary").hidden = false;
    $("summary-body").innerHTML = m.html;
    $("summary-title").focus();
  },
};

function handle(message) {
  const handler = handlers[message.type];
  if (handler) handler(message);
}

// The server went away: say what happened to the answers, and find out whether it restarted.
function connectionClosed() {
  if (state.refused || state.ended) return;
  stopMicrophone();
  enableAnswer(false);
  $("start").disabled = true;
  checkServer();
}

function savedLine() {
  if (!state.session) return "";
  const n = state.answered;
  return ` Your ${n} answer${n === 1 ? "" : "s"} in session ${state.session} ${n === 1 ? "is" : "are"} saved.`;
}

async function checkServer() {
  let response = null;
  try {
    response = await fetch("/sessions", { cache: "no-store", redirect: "manual" });
  } catch {
    showProblem(`mockint has stopped, so this session has ended.${savedLine()} ` +
      "Start it again (mockint web) and open the link it prints.");
    setTimeout(checkServer, 2000);
    return;
  }
  if (response.status === 403) {
    showProblem(`mockint was restarted, so this session has ended.${savedLine()} ` +
      "Open the new link mockint printed to review it or practise again.");
  } else {
    showProblem(`The connection to mockint was lost, so this session has ended.${savedLine()} ` +
      "Reload the page to practise again.");
  }
}

// ---- showing questions ------------------------------------------------------------

function showQuestion(m) {
  state.reviewing = false;
  state.pendingQuestion = null;
  $("next").hidden = true;
  $("notice").textContent = "";
  $("q-label").textContent = m.label;
  $("q-text").textContent = m.text;
  $("answer").value = "";
  const voice = state.mode === "voice";
  $("answer-voice").hidden = !voice;
  $("answer-form").hidden = voice;
  enableAnswer(true);
  (voice ? $("record") : $("answer")).focus();
}

function play(url) {
  stopPlayback();
  state.player = new Audio(url);
  state.player.play().catch(() => {}); // autoplay refused: the question is on screen all the same
}

function stopPlayback() {
  if (state.player) state.player.pause();
  state.player = null;
}

function enableAnswer(on) {
  for (const id of ["answer", "send", "record", "repeat", "skip"]) $(id).disabled = !on;
  $("stop").disabled = true;
  $("end").disabled = state.ended;
}

function showProblem(text) {
  const alert = $("alert");
  alert.textContent = text;
  alert.hidden = false;
  alert.scrollIntoView({ block: "nearest" });
}

function clearProblem() {
  $("alert").hidden = true;
  $("alert").textContent = "";
}

// ---- answering -----------------------------------------------------------------------

function startSession(event) {
  event.preventDefault();
  const role = $("role").value.trim();
  if (!role) {
    showProblem("Type the role you are interviewing for (any job title works), then press Start.");
    $("role").focus();
    return;
  }
  clearProblem();
  $("start").disabled = true;
  $("start-status").textContent = "Preparing your first question…";
  send({
    type: "start",
    role,
    notes: $("notes").value,
    debrief: $("debrief").value || null,
    mode: document.querySelector("input[name=mode]:checked").value,
    count: Number($("count").value),
    aloud: $("aloud").checked,
  });
}

function sendTyped(event) {
  event.preventDefault();
  const text = $("answer").value.trim();
  if (!text) {
    showProblem("Type your answer first, then press Send. Or press Skip to move on.");
    $("answer").focus();
    return;
  }
  clearProblem();
  state.timings.push({ ended: performance.now() });
  send({ type: "answer", text });
  enableAnswer(false);
  $("notice").textContent = "Working out your feedback…";
}

async function startRecording() {
  stopPlayback();
  clearProblem();
  enableAnswer(false);
  const mic = new Microphone({
    onBlock: (pcm) => { if (state.ws.readyState === WebSocket.OPEN) state.ws.send(pcm); },
    onLevel: showLevel,
    onLost: microphoneLost,
  });
  try {
    await mic.open();
  } catch (error) {
    mic.close();
    showProblem(microphoneProblem(error));
    $("answer-form").hidden = false;
    enableAnswer(true);
    return;
  }
  state.mic = mic;
  state.recording = true;
  send({ type: "record" });
  mic.start();
  $("stop").disabled = false;
  $("skip").disabled = false;
  $("rec-status").textContent = "Recording: answer now; stop talking or press Stop when you are done.";
  $("stop").focus();
}

async function stopRecording() {
  if (!state.mic) return;
  $("stop").disabled = true;
  await state.mic.flush();
  send({ type: "stop" });
  stopMicrophone();
}

function microphoneLost() {
  if (!state.recording) return;
  send({ type: "mic_lost" });
  stopMicrophone();
}

function stopMicrophone() {
  if (state.mic) state.mic.close();
  state.mic = null;
  state.recording = false;
  $("stop").disabled = true;
  showLevel(0);
}

function showLevel(rms) {
  // dBFS from -60 (empty) to 0 (full), as the terminal's meter shows it
  const db = rms > 0 ? 20 * Math.log10(rms) : -100;
  const percent = Math.round(Math.max(0, Math.min(1, (db + 60) / 60)) * 100);
  const meter = $("level");
  meter.setAttribute("aria-valuenow", String(percent));
  meter.firstElementChild.style.width = `${percent}%`;
}

function nextQuestion() {
  const question = state.pendingQuestion;
  const speech = state.pendingSpeech;
  state.pendingSpeech = null;
  if (!question) return;
  showQuestion(question);
  if (speech) play(speech);
}

function command(type) {
  return () => {
    if (type === "skip" && state.recording) stopMicrophone();
    stopPlayback();
    send({ type });
    if (type !== "repeat") enableAnswer(false);
  };
}

// ---- wiring ---------------------------------------------------------------------------

$("start").disabled = true; // until the server says this tab may practise
$("start-form").addEventListener("submit", startSession);
$("answer-form").addEventListener("submit", sendTyped);
$("answer").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) sendTyped(event);
});
$("record").addEventListener("click", startRecording);
$("stop").addEventListener("click", stopRecording);
$("type-instead").addEventListener("click", () => { $("answer-form").hidden = false; $("answer").focus(); });
$("next").addEventListener("click", nextQuestion);
$("repeat").addEventListener("click", command("repeat"));
$("skip").addEventListener("click", command("skip"));
$("end").addEventListener("click", command("quit"));
connect();
