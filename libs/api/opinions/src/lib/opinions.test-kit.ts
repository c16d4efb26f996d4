import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { Role } from '@civitas/shared/domain';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { OpinionsModule } from './opinions.module';

/**
 * The API with opinions (and documents, kept in a scratch folder removed on close), and
 * `modules` besides (realtime).
 */
export async function startOpinionApp(
  modules: Type[] = [],
): Promise<{ t: TestApp; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'civitas-opinions-'));
  const t = await TestApp.start([OpinionsModule, ...modules], { DOCUMENTS_DIR: dir });
  return {
    t,
    close: async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A one-page PDF with a line of text. */
export function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Uploads a PDF for a request as `user`; the HTTP status and the new document's id. */
export async function upload(
  t: TestApp,
  user: TestUser,
  ownerKind: 'OPINION_REQUEST' | 'OPINION' | 'OPINION_PUBLISHED',
  requestId: string,
  name = 'opinia.pdf',
): Promise<{ status: number; documentId?: string }> {
  const query = new URLSearchParams({ ownerKind, ownerId: requestId, name });
  const res = await fetch(`${t.url}/api/documents?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(pdf(`Opinia ${name}`)),
  });
  const json = (await res.json()) as { documentId?: string };
  return { status: res.status, documentId: json.documentId };
}

/** Downloads a document as `user`: the HTTP status. */
export async function download(t: TestApp, user: TestUser, documentId: string): Promise<number> {
  const res = await fetch(`${t.url}/api/documents/${documentId}/content`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

/** The people of the opinion tests: one of each standing towards a Łódź request. */
export interface Cast {
  officer: TestUser;
  official: TestUser;
  cityAdmin: TestUser;
  otherOfficer: TestUser;
  expert: TestUser;
  otherExpert: TestUser;
  office: TestUser;
  office2: TestUser;
  guest: TestUser;
}

export const LODZ = '1061011';
export const POZNAN = '3064011';
export const GUEST_TOWN = '0201011';

export async function makeCast(t: TestApp): Promise<Cast> {
  const lodz = await t.makeCity(LODZ);
  const poznan = await t.makeCity(POZNAN);
  const guestTown = await t.organisationId(GUEST_TOWN);
  return {
    officer: await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      legalOfficer: true,
    }),
    official: await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz }),
    cityAdmin: await t.makeUser({ role: Role.CITY_ADMIN, organisationId: lodz }),
    otherOfficer: await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      legalOfficer: true,
    }),
    expert: await t.makeUser({ role: Role.EXPERT, name: 'Jan Ekspert' }),
    otherExpert: await t.makeUser({ role: Role.EXPERT }),
    office: await t.makeUser({ role: Role.OFFICE_ADMIN }),
    office2: await t.makeUser({ role: Role.OFFICE_ADMIN }),
    guest: await t.makeUser({ role: Role.GUEST, organisationId: guestTown }),
  };
}

export const REQUEST_FIELDS = `id state subject questionHtml factsHtml areaOfLaw desiredDate dueDate
  feeGrosze dueSoon overdue infoRequest rejectionReason opinionDocumentId summaryHtml returnRemarks
  publishedOpinionId viewerParty availableActions legalBasis { act articles }
  city { name } requester { name } expert { id name }
  transitions { fromState toState comment actor { name } }`;

export const COMPLETE = {
  subject: 'Czy gmina może umorzyć zaległości czynszowe najemcy lokalu komunalnego?',
  question:
    'Czy rada gminy może w uchwale przewidzieć **umorzenie zaległości czynszowych** w zamian za odpracowanie?',
  facts: 'Miasto ma 12 000 lokali komunalnych, zadłużenie czynszowe rośnie od dwóch lat.',
  legalBasis: [
    { act: 'Ustawa o finansach publicznych', articles: 'art. 59' },
    { act: 'Ustawa o ochronie praw lokatorów', articles: 'art. 4' },
  ],
  areaOfLaw: 'HOUSING',
};

/** YYYY-MM-DD, `days` from today (UTC is close enough a day away from midnight). */
export function day(days: number): string {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by the assertions
export function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

export const code = errorCode;
export const randomId = () => randomUUID();

/** The API as one person: each call returns the whole response. */
export class OpinionClient {
  constructor(
    private readonly t: TestApp,
    readonly user: TestUser,
  ) {}

  gql(query: string, variables: Record<string, unknown> = {}) {
    return this.t.gql(query, variables, { token: this.user.token });
  }

  create(input: Record<string, unknown> = COMPLETE) {
    return this.gql(
      `mutation($input: OpinionRequestInput!) { createOpinionRequest(input: $input) { ${REQUEST_FIELDS} } }`,
      { input },
    );
  }

  get(id: string) {
    return this.gql(`query($id: ID!) { opinionRequest(id: $id) { ${REQUEST_FIELDS} } }`, { id });
  }

  /** A mutation of the form name(id, …) returning the request. */
  act(name: string, id: string, args: Record<string, [string, unknown]> = {}) {
    const decl = Object.entries(args)
      .map(([k, [type]]) => `, $${k}: ${type}`)
      .join('');
    const pass = Object.keys(args)
      .map((k) => `, ${k}: $${k}`)
      .join('');
    const vars = Object.fromEntries(Object.entries(args).map(([k, [, v]]) => [k, v]));
    return this.gql(`mutation($id: ID!${decl}) { ${name}(id: $id${pass}) { ${REQUEST_FIELDS} } }`, {
      id,
      ...vars,
    });
  }
}

/** Drives a request through the API to `state` and returns its id. */
export async function requestIn(
  t: TestApp,
  cast: Cast,
  state:
    | 'DRAFT'
    | 'SUBMITTED'
    | 'NEEDS_INFO'
    | 'ACCEPTED'
    | 'IN_PROGRESS'
    | 'DELIVERED'
    | 'RELEASED'
    | 'PUBLISHED',
  input: Record<string, unknown> = COMPLETE,
): Promise<string> {
  const officer = new OpinionClient(t, cast.officer);
  const office = new OpinionClient(t, cast.office);
  const expert = new OpinionClient(t, cast.expert);
  const id = data(await officer.create(input)).createOpinionRequest.id as string;
  if (state === 'DRAFT') return id;
  data(await officer.act('submitOpinionRequest', id));
  if (state === 'SUBMITTED') return id;
  if (state === 'NEEDS_INFO') {
    data(
      await office.act('requestOpinionInformation', id, {
        question: ['String!', 'Ile lokali dotyczy sprawa?'],
      }),
    );
    return id;
  }
  data(
    await office.act('acceptOpinionRequest', id, {
      input: [
        'AcceptOpinionRequestInput!',
        { expertId: cast.expert.id, dueDate: day(10), feeGrosze: 250000 },
      ],
    }),
  );
  if (state === 'ACCEPTED') return id;
  data(await expert.act('startOpinionWork', id));
  if (state === 'IN_PROGRESS') return id;
  const { documentId } = await upload(t, cast.expert, 'OPINION', id);
  data(
    await expert.act('deliverOpinion', id, {
      input: [
        'DeliverOpinionInput!',
        {
          documentId,
          summary:
            'Umorzenie jest dopuszczalne na podstawie **art. 59** ustawy o finansach publicznych.',
        },
      ],
    }),
  );
  if (state === 'DELIVERED') return id;
  data(await office.act('releaseOpinion', id));
  if (state === 'RELEASED') return id;
  data(
    await office.act('publishOpinion', id, {
      input: ['PublishOpinionInput!', { redacted: false }],
    }),
  );
  return id;
}
