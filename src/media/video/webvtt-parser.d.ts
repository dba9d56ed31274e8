declare module 'webvtt-parser' {
  export type WebVTTError = { col?: number; line: number; message: string }
  export type WebVTTCue = { endTime: number; id: string; startTime: number; text: string }
  export class WebVTTParser {
    parse(input: string, mode?: 'chapters' | 'metadata' | 'subtitles'): { cues: WebVTTCue[]; errors: WebVTTError[] }
  }
  /** A CommonJS module: Node's ESM loader sees only its default export. */
  const webvtt: { WebVTTParser: typeof WebVTTParser }
  export default webvtt
}
