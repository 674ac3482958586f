/**
 * What a pane (or the ribbon's runtime, which is one document) learns from one command to the
 * next: the sheets it read last, whether that read needed chunks, and whether Excel accepted the
 * format probes and the merged areas. A guess gone wrong only costs the saving it was meant for.
 */

export const session = {
  /**
   * The sheets the last command read. The next command reads them in the same sync as the sheet
   * list, which saves a round trip whenever the workbook still has them; a wrong guess costs only
   * that saving (or, for a sheet deleted since, the one refused sync). Kept in the document's
   * settings too, so a check after the workbook is opened again starts from them.
   */
  rememberedNames: null as string[] | null,
  /** Whether the last read needed chunks: then the next one asks for sizes first. */
  rememberedChunked: false,
  /** Value chunks read so far (listAndRead remembers whether the last read needed several). */
  chunkedReads: 0,
  /**
   * False once a read with format probes failed for another reason than its size: the probes are
   * an optimisation (offsets of the used range, which Excel refuses past the grid's last row, and
   * members a host might handle differently), so this session reads without them from then on.
   */
  probesWork: true,
  /**
   * False once a read with merged areas (ExcelApi 1.13) failed in a way they may have caused: this
   * session then reads without them (as below 1.13: the other rows of a merged area read as
   * empty). Excel fails `getMergedAreasOrNullObject` on a range with more than 512 merged areas, a
   * long log with a date merged over every trip, and does not document how: so besides a refused
   * request, a GeneralException of a sync that asked for merged areas gives them up too. A passing
   * host failure there then costs this session its merged cells, not the check (the retry reports
   * it if the failure stays); a workbook over the limit stays checkable.
   */
  mergesWork: true,
};

/** Key of the document setting with the remembered sheets. */
const SHEETS_SETTING = 'dutyCheck.sheets';

interface SavedSheets {
  names: string[];
  chunked: boolean;
}

/**
 * Forgets what this pane learnt (the remembered sheet names, whether format probes and merged
 * areas work), as when the workbook is opened again (tests, benchmark); the workbook's own
 * settings keep their names.
 */
export function forgetSheetNames(): void {
  session.rememberedNames = null;
  session.rememberedChunked = false;
  session.probesWork = true;
  session.mergesWork = true;
}

export function remember(names: string[]): void {
  session.rememberedNames = names.slice();
  saveRemembered();
}

/** The document's settings (Office common API, read at start-up without a round trip), or null. */
function documentSettings(): Office.Settings | null {
  try {
    const doc = typeof Office !== 'undefined' && Office.context ? Office.context.document : null;
    return doc && doc.settings ? doc.settings : null;
  } catch (e) {
    return null;
  }
}

/** Without names remembered in this pane: those the workbook's settings kept from an earlier session. */
export function recallSavedNames(): void {
  if (session.rememberedNames) return;
  const settings = documentSettings();
  if (!settings) return;
  try {
    const saved = settings.get(SHEETS_SETTING) as SavedSheets | null;
    if (!saved || !Array.isArray(saved.names) || !saved.names.length) return;
    for (const n of saved.names) if (typeof n !== 'string' || !n) return;
    session.rememberedNames = saved.names.slice();
    session.rememberedChunked = saved.chunked === true;
  } catch (e) {
    // Settings that cannot be read only cost the saving.
  }
}

/**
 * Keeps the remembered names in the workbook's settings when they changed. Not awaited: they are
 * only a guess for next time, and saving them must never hold up or fail a command.
 */
function saveRemembered(): void {
  const settings = documentSettings();
  const names = session.rememberedNames;
  if (!settings || !names) return;
  try {
    const saved = settings.get(SHEETS_SETTING) as SavedSheets | null;
    if (saved && saved.chunked === session.rememberedChunked && Array.isArray(saved.names) && saved.names.join('\n') === names.join('\n')) return;
    settings.set(SHEETS_SETTING, { names: names.slice(), chunked: session.rememberedChunked });
    settings.saveAsync(() => undefined);
  } catch (e) {
    // As above: a lost guess, nothing more.
  }
}
