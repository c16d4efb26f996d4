import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import * as mammoth from 'mammoth';
import { spawn } from 'node:child_process';

/** Text beyond this is not indexed (a tsvector holds at most 1 MB). */
export const TEXT_MAX_CHARS = 200_000;
/** Files larger than this are not read for text (the job holds one file in memory). */
export const TEXT_MAX_FILE_BYTES = 50 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an XML document: tags become spaces, paragraph ends new lines. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<\/(text:p|text:h|a:p|w:p|table:table-row)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/**
 * PDF text comes from pdf.js (through pdf-parse) in a child process: a hostile or huge PDF
 * can exhaust only that process, which is killed after 60 s; and pdf.js, an ES module
 * that starts a worker, runs there as Node intends (not inside the API's CommonJS).
 */
const PDF_SCRIPT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    process.stdout.write((await parser.getText()).text);
  } catch (e) {
    process.stderr.write(String(e && e.message));
    process.exitCode = 1;
  } finally {
    await parser.destroy();
  }
});`;

function pdfText(data: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PDF_SCRIPT, require.resolve('pdf-parse')], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(err || `pdf text: exit ${code}`)),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(data);
  });
}

async function docxText(data: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: data })).value;
}

async function xlsxText(data: Buffer): Promise<string> {
  const book = new Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  book.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        const text = cell.text;
        if (text) cells.push(text);
      });
      if (cells.length) lines.push(cells.join(' '));
    });
  });
  return lines.join('\n');
}

/** ODF (ODT, ODS, ODP): the text is in content.xml. The archive is read, never unpacked to disk. */
async function odfText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const content = zip.file('content.xml');
  return content ? xmlText(await content.async('string')) : '';
}

const EXTRACTORS: Record<string, (data: Buffer) => Promise<string>> = {
  'application/pdf': pdfText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': docxText,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': xlsxText,
  'application/vnd.oasis.opendocument.text': odfText,
  'application/vnd.oasis.opendocument.spreadsheet': odfText,
  'application/vnd.oasis.opendocument.presentation': odfText,
  'text/plain': async (data) => data.toString('utf8'),
  'text/csv': async (data) => data.toString('utf8').replace(/[;,\t]/g, ' '),
};

export function hasExtractor(contentType: string): boolean {
  return contentType in EXTRACTORS;
}

/** The searchable text of a file, or null for types without text. */
export async function extractText(contentType: string, data: Buffer): Promise<string | null> {
  const extractor = EXTRACTORS[contentType];
  if (!extractor) return null;
  const text = (await extractor(data)).replace(/\u0000/g, '').slice(0, TEXT_MAX_CHARS);
  return text;
}
