// A session beside a local hub serving the fixture models, for the Score page's test files: the
// session may reach the hub and nothing else outside localhost.
import type { HubServer } from '../../scripts/hub-server.ts';
import { serveFixtureHub } from '../fixtures/models/stand-ins.ts';
import { newSession, type Session } from './harness.ts';

export async function openHubSession(): Promise<{ hub: HubServer; s: Session }> {
  const hub = await serveFixtureHub();
  return { hub, s: await newSession({ allowOrigins: [new URL(hub.url).origin] }) };
}

/** Checks that no request left localhost (but for the hub), then closes both. */
export async function closeHubSession({ hub, s }: { hub: HubServer; s: Session }): Promise<void> {
  s.assertClean();
  await s.close();
  await hub.close();
}
