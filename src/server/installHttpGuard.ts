import { type IncomingMessage, Server, type ServerResponse } from 'node:http'

import { guardNodeRequest } from './httpGuard'

const INSTALLED = Symbol.for('policy-cms.httpGuard')
const state = globalThis as { [INSTALLED]?: boolean }

/**
 * Puts guardNodeRequest in front of every `request` event of every node:http server of this process (Next creates
 * its server before instrumentation runs, and offers no hook at the raw request level).
 */
export async function installHttpGuard(): Promise<void> {
  if (state[INSTALLED]) return
  state[INSTALLED] = true
  const emit = Server.prototype.emit
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request' && guardNodeRequest(args[0] as IncomingMessage, args[1] as ServerResponse)) return true
    return Reflect.apply(emit, this, [event, ...args])
  }
}
