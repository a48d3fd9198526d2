import type { WebhookTarget } from './options.js';
import type { MockState } from './state.js';
import { sendWebhook, type WebhookDelivery, type WebhookEvent } from './webhook-sender.js';

/**
 * Sends the webhooks that the mock's own state changes fire (§4.3 last rows, §6.3): inbox delivery
 * after the final chunk, completion or failure when a test says the user posted or TikTok failed.
 * Without a target nothing is sent. Deliveries land in `state.webhookDeliveries`.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Set<Promise<WebhookDelivery | undefined>>();
  private readonly abort = new AbortController();

  constructor(
    private target: WebhookTarget | undefined,
    private readonly state: MockState,
  ) {}

  setTarget(target: WebhookTarget | undefined): void {
    this.target = target;
  }

  emit(event: WebhookEvent, userOpenId: string): Promise<WebhookDelivery | undefined> {
    const target = this.target;
    if (!target || this.abort.signal.aborted) return Promise.resolve(undefined);
    const sending = sendWebhook(target.url, {
      ...event,
      clientKey: target.clientKey,
      clientSecret: target.clientSecret,
      userOpenId,
      ...(target.ca ? { ca: target.ca } : {}),
      ...(target.retry ? { retry: target.retry } : {}),
      signal: this.abort.signal,
    }).then(
      (delivery) => {
        this.state.webhookDeliveries.push(delivery);
        return delivery;
      },
      // Only an abort (the mock closing) gets here; that delivery is dropped on purpose.
      () => undefined,
    );
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
    return sending;
  }

  /** Resolves when every delivery started so far has finished or given up. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.abort.abort();
  }
}
