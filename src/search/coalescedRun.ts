/**
 * One run at a time and at most one waiting behind it; callers arriving while one waits share that one. Both search
 * engines catch up with the audit log this way, so a burst of steps costs two catch-ups, not one per step.
 */
export class CoalescedRun {
  private running?: Promise<void>
  private queued?: Promise<void>

  constructor(private readonly task: () => Promise<void>) {}

  get busy(): boolean {
    return this.running !== undefined
  }

  run(): Promise<void> {
    if (this.queued) return this.queued
    if (this.running) {
      this.queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = undefined
          return this.start()
        })
      return this.queued
    }
    return this.start()
  }

  private start(): Promise<void> {
    const run: Promise<void> = this.task().finally(() => {
      if (this.running === run) this.running = undefined
    })
    this.running = run
    return run
  }
}
