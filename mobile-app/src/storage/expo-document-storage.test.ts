import { describe, expect, it, jest } from '@jest/globals';
import { expoDocumentStorage, expoSyncFile } from './expo-document-storage';

/** An in-memory stand-in for expo-file-system's File: the adapter's steps are what is checked. */
const mockDisk = new Map<string, string>();
const mockSteps: string[] = [];
jest.mock('expo-file-system', () => {
  class File {
    readonly uri: string;
    constructor(directory: { uri: string }, name: string) {
      this.uri = `${directory.uri}/${name}`;
    }
    get exists() {
      return mockDisk.has(this.uri);
    }
    text() {
      return Promise.resolve(mockDisk.get(this.uri)!);
    }
    textSync() {
      return mockDisk.get(this.uri)!;
    }
    create() {
      mockSteps.push(`create ${this.uri}`);
      mockDisk.set(this.uri, '');
    }
    delete() {
      mockSteps.push(`delete ${this.uri}`);
      mockDisk.delete(this.uri);
    }
    write(text: string) {
      mockSteps.push(`write ${this.uri}`);
      mockDisk.set(this.uri, text);
    }
    move(destination: File, options: { overwrite?: boolean }) {
      mockSteps.push(`move ${this.uri} -> ${destination.uri} (${String(options.overwrite)})`);
      mockDisk.set(destination.uri, mockDisk.get(this.uri)!);
      mockDisk.delete(this.uri);
      return Promise.resolve();
    }
    moveSync(destination: File, options: { overwrite?: boolean }) {
      mockSteps.push(`move ${this.uri} -> ${destination.uri} (${String(options.overwrite)})`);
      mockDisk.set(destination.uri, mockDisk.get(this.uri)!);
      mockDisk.delete(this.uri);
    }
  }
  return { File, Paths: { document: { uri: 'doc:' } } };
});

describe('documents on the phone', () => {
  it('reads nothing before the first write, then the whole document', async () => {
    expect(await expoDocumentStorage.read('workspaces.json')).toBeUndefined();
    await expoDocumentStorage.write('workspaces.json', '{"a":1}');
    expect(await expoDocumentStorage.read('workspaces.json')).toBe('{"a":1}');
  });

  it('writes aside and moves over the old document, clearing a write cut short before', async () => {
    mockDisk.set('doc:/workspaces.json.writing', 'half');
    mockSteps.length = 0;
    await expoDocumentStorage.write('workspaces.json', '{"a":2}');
    expect(mockSteps).toEqual([
      'delete doc:/workspaces.json.writing',
      'create doc:/workspaces.json.writing',
      'write doc:/workspaces.json.writing',
      'move doc:/workspaces.json.writing -> doc:/workspaces.json (true)',
    ]);
    expect(mockDisk.get('doc:/workspaces.json')).toBe('{"a":2}');
  });

  it('reads and writes the license record at once, written aside and moved over', () => {
    const record = expoSyncFile('license.json');
    expect(record.read()).toBeUndefined();
    mockSteps.length = 0;
    record.write('{"lastSeenAt":1}');
    expect(record.read()).toBe('{"lastSeenAt":1}');
    expect(mockSteps).toEqual([
      'create doc:/license.json.writing',
      'write doc:/license.json.writing',
      'move doc:/license.json.writing -> doc:/license.json (true)',
    ]);
    mockDisk.set('doc:/license.json.writing', 'half');
    record.write('{"lastSeenAt":2}');
    expect(record.read()).toBe('{"lastSeenAt":2}');
    expect(mockDisk.has('doc:/license.json.writing')).toBe(false);
  });
});
