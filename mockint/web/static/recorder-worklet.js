// The microphone's sound as 16 kHz mono 16-bit PCM, in batches of a tenth of a second.
// Runs on the audio thread. The page asks for a 16 kHz AudioContext, so normally the
// samples only need converting; where a browser gives another rate, they are resampled
// here (linear interpolation is plenty for speech). Each batch carries its RMS level
// for the level meter.
const TARGET_RATE = 16000;
const BATCH = 1600;

class Pcm16Recorder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.batch = new Int16Array(BATCH);
    this.filled = 0;
    this.sumSquares = 0;
    this.step = sampleRate / TARGET_RATE; // input samples per output sample
    this.position = 0; // where the next output sample falls between `previous` (0) and the next input (1)
    this.previous = 0;
    this.port.onmessage = (event) => {
      if (event.data === "flush") {
        this.send();
        this.port.postMessage({ flushed: true });
      }
    };
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true; // no input: the microphone is gone or muted
    const samples = channels[0];
    if (this.step === 1) {
      for (let i = 0; i < samples.length; i++) this.push(samples[i]);
      return true;
    }
    for (let i = 0; i < samples.length; i++) {
      const current = samples[i];
      while (this.position <= 1) {
        this.push(this.previous + (current - this.previous) * this.position);
        this.position += this.step;
      }
      this.position -= 1;
      this.previous = current;
    }
    return true;
  }

  push(value) {
    const s = Math.max(-1, Math.min(1, value));
    this.batch[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
    this.sumSquares += s * s;
    if (this.filled === BATCH) this.send();
  }

  send() {
    if (this.filled === 0) return;
    const pcm = this.batch.slice(0, this.filled);
    const level = Math.sqrt(this.sumSquares / this.filled);
    this.port.postMessage({ pcm: pcm.buffer, level }, [pcm.buffer]);
    this.filled = 0;
    this.sumSquares = 0;
  }
}

registerProcessor("pcm16-recorder", Pcm16Recorder);
