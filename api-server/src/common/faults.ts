// Each OpenStack service wraps errors its own way; clients parse these bodies.
import type { Response } from 'express';

export type FaultStyle = 'nova' | 'keystone' | 'glance' | 'neutron';

const NOVA_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'HTTPMethodNotAllowed',
  406: 'HTTPNotAcceptable',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'HTTPUnsupportedMediaType',
  503: 'serviceUnavailable',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function faultBody(style: FaultStyle, status: number, message: string, type?: string): object | string {
  switch (style) {
    case 'keystone':
      return { error: { code: status, title: titleOf(status), message } };
    case 'neutron':
      return { NeutronError: { type: type ?? titleOf(status).replace(/ /g, ''), message, detail: '' } };
    case 'glance':
      return `${status} ${titleOf(status)}\n\n${message}\n\n   `;
    default: {
      // keystonemiddleware answers 401 for every service, in Keystone's format.
      if (status === 401) return { error: { code: 401, title: 'Unauthorized', message } };
      const name = NOVA_NAMES[status] ?? 'computeFault';
      return { [name]: { code: status, message } };
    }
  }
}

export interface Fault {
  status: number;
  message: string;
  /** Neutron's error type. */
  type?: string;
}

export function sendFault(res: Response, style: FaultStyle, fault: Fault): void {
  const { status, message, type } = fault;
  const body = faultBody(style, status, message, type);
  if (status === 401) res.setHeader('WWW-Authenticate', 'Keystone uri="/identity/v3"');
  if (typeof body === 'string') res.status(status).type('text/plain; charset=UTF-8').send(body);
  else res.status(status).json(body);
}
