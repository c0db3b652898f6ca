// The browser microphone for one answer: opened when Record is pressed, closed when the answer ends.
// Audio goes through the AudioWorklet in recorder-worklet.js, which hands back 16 kHz int16 batches.

export class Microphone {
  constructor({ onBlock, onLevel, onLost }) {
    this.onBlock = onBlock;
    this.onLevel = onLevel;
    this.onLost = onLost;
    this.stream = null;
    this.context = null;
    this.node = null;
    this.source = null;
  }

  // Ask for the microphone and set up the worklet; throws the browser's error (NotAllowedError, ...).
  async open() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw Object.assign(new Error("This browser gives no access to a microphone here."), { name: "Unsupported" });
    }
    this.stream = await navigator.mediaDevices.getUserMedia({
      // The raw signal, as the terminal records it: the end-of-answer rules and the filler counts expect it.
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    try {
      this.context = new AudioContext({ sampleRate: 16000 });
    } catch {
      this.context = new AudioContext(); // the worklet resamples
    }
    await this.context.audioWorklet.addModule("/static/recorder-worklet.js");
    this.node = new AudioWorkletNode(this.context, "pcm16-recorder");
    this.node.port.onmessage = (event) => {
      const data = event.data;
      if (data.pcm) this.onBlock(data.pcm);
      if (data.level !== undefined) this.onLevel(data.level);
      if (data.flushed && this.flushed) this.flushed();
    };
    this.track = this.stream.getAudioTracks()[0];
    this.track.addEventListener("ended", () => this.onLost());
  }

  // Start sending audio (after the server has been told a recording begins).
  start() {
    this.source = this.context.createMediaStreamSource(this.stream);
    this.source.connect(this.node);
    if (this.context.state === "suspended") this.context.resume();
  }

  // Send what the worklet still holds; resolves once it has (or after a short wait).
  flush() {
    return new Promise((resolve) => {
      if (!this.node) return resolve();
      this.flushed = resolve;
      this.node.port.postMessage("flush");
      setTimeout(resolve, 300);
    });
  }

  close() {
    if (this.stream) this.stream.getTracks().forEach((track) => track.stop());
    if (this.context && this.context.state !== "closed") this.context.close();
    this.stream = this.context = this.node = this.source = null;
  }
}

// One line for the candidate on why the microphone could not be used, and what to do.
export function microphoneProblem(error) {
  const orType = " Or type this answer below.";
  switch (error && error.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "mockint cannot use your microphone: permission was refused. Allow the microphone for this page " +
        "(the icon at the left of the address bar), then press Record again." + orType;
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found. Plug one in, then press Record again." + orType;
    case "NotReadableError":
      return "The microphone could not be started: another program may be using it. Close that program, " +
        "then press Record again." + orType;
    default:
      return `The microphone could not be started (${error && error.message ? error.message : error}).` + orType;
  }
}
