import { describe, expect, it, jest } from '@jest/globals';
import { getDocumentAsync } from 'expo-document-picker';
import { pickExportFile } from './import-file';

const mockFiles = new Map<string, string>();
jest.mock('expo-document-picker', () => ({ getDocumentAsync: jest.fn() }));
jest.mock('expo-file-system', () => ({
  File: class {
    mockUri: string;
    constructor(mockUri: string) {
      this.mockUri = mockUri;
    }
    text() {
      const text = mockFiles.get(this.mockUri);
      return text === undefined ? Promise.reject(new Error('gone')) : Promise.resolve(text);
    }
  },
}));
const picker = jest.mocked(getDocumentAsync);
const asset = (size: number | undefined, uri = 'file:///cache/export.json') => ({
  canceled: false as const,
  assets: [{ name: 'export.json', uri, lastModified: 0, ...(size === undefined ? {} : { size }) }],
});

describe('choosing the export file', () => {
  it('reads the chosen file', async () => {
    mockFiles.set('file:///cache/export.json', '{"format":"flowdesk-workspaces"}');
    picker.mockResolvedValueOnce(asset(40));
    expect(await pickExportFile()).toEqual({
      ok: true,
      value: { name: 'export.json', text: '{"format":"flowdesk-workspaces"}' },
    });
  });

  it('refuses a file too large to be an export without reading it', async () => {
    picker.mockResolvedValueOnce(asset(60 * 1024 * 1024, 'file:///cache/huge.bin'));
    const picked = await pickExportFile();
    expect(!picked.ok && picked.error.code).toBe('IMPORT_TOO_LARGE');
  });

  it('says when the file cannot be read, and nothing when the picker is closed', async () => {
    picker.mockResolvedValueOnce(asset(undefined, 'file:///cache/missing.json'));
    const unreadable = await pickExportFile();
    expect(!unreadable.ok && unreadable.error.code).toBe('IMPORT_UNREADABLE');
    picker.mockResolvedValueOnce({ canceled: true, assets: null });
    expect(await pickExportFile()).toEqual({ ok: true, value: { cancelled: true } });
    picker.mockResolvedValueOnce({ canceled: false, assets: [] });
    expect(await pickExportFile()).toEqual({ ok: true, value: { cancelled: true } });
  });
});
