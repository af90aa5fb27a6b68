/**
 * SMS through an HTTP gateway. The one real adapter speaks the generic JSON shape most gateways accept
 * (and that a small proxy can turn into any other): `POST <SMS_GATEWAY_URL>` with
 * `{"to": "+233…", "from": "<SMS_SENDER>", "text": "…", "reference": "<delivery key>"}`, `Content-Type:
 * application/json`, `Authorization: Bearer <SMS_GATEWAY_TOKEN>` when set. Any 2xx is accepted; 429 and
 * 5xx are tried again later; another 4xx refuses the message for good.
 */
import { DeliveryError, type MessageTransport } from './transports.js';

export interface HttpSmsGatewayOptions {
  url: string;
  token: string | undefined;
  sender: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createHttpSmsGateway(options: HttpSmsGatewayOptions): MessageTransport {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: 'http-sms',
    async send(message) {
      let response: Response;
      try {
        response = await send(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ to: message.to, from: options.sender, text: message.text, reference: message.key }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        throw new DeliveryError('sms-unreachable', true, { cause });
      }
      await response.body?.cancel();
      if (response.ok) return;
      throw new DeliveryError(`sms-${response.status}`, response.status === 429 || response.status >= 500);
    },
  };
}
