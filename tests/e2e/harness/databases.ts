/** Runs in an extension page: deletes every database of the extension's origin, as clearing site data does. */
export async function deleteAllDatabases(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name!);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error(`deleting ${name} was blocked: a connection did not close on versionchange`));
    });
  }
}

/** Runs in an extension page: the origin's databases as `name@version`, sorted. */
export async function listDatabases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`).sort();
}
