// CodeMirror 6 set up for the console: DuckDB-flavoured SQL highlighting, completion of schema,
// table and column names, Ctrl/Cmd+Enter to run, and a mark on the character DuckDB's error points at.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { keywordCompletionSource, PostgreSQL, schemaCompletionSource, SQLDialect, type SQLNamespace } from '@codemirror/lang-sql';
import { bracketMatching, HighlightStyle, indentOnInput, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
  type DecorationSet,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { errorSpan } from '../../lib/console/error-span.ts';

export { errorSpan };

// DuckDB's additions to standard SQL, so they read as keywords / types / functions.
const DUCKDB_KEYWORDS =
  'qualify pivot unpivot pivot_wider pivot_longer summarize describe show exclude replace columns asof positional ' +
  'sample tablesample using anti semi lateral install load attach detach pragma copy export import macro ' +
  'ilike glob similar struct map union_by_name try_cast materialized recursive returning ignore nulls respect';
const DUCKDB_TYPES =
  'bigint hugeint ubigint uinteger usmallint utinyint tinyint double float real decimal numeric varchar text ' +
  'blob boolean bool date timestamp timestamptz interval uuid json list struct map union bit enum';
const DUCKDB_BUILTIN =
  'count sum avg min max median mode quantile quantile_cont quantile_disc stddev stddev_samp var_samp corr ' +
  'list list_agg string_agg group_concat array_agg arg_max arg_min first last any_value approx_count_distinct ' +
  'histogram bool_and bool_or regexp_matches regexp_replace regexp_extract split_part string_split lower upper ' +
  'length strlen trim ltrim rtrim concat concat_ws substr substring starts_with ends_with contains replace ' +
  'round floor ceil abs ln log exp pow power sqrt greatest least coalesce ifnull nullif hash md5 range ' +
  'generate_series unnest read_csv read_csv_auto read_json read_json_auto read_parquet row_number rank ' +
  'dense_rank percent_rank ntile lag lead first_value last_value strftime strptime date_trunc epoch now';

// DuckDB's grammar descends from PostgreSQL's: start from that dialect and add DuckDB's words.
export const DuckDbDialect = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} ${DUCKDB_KEYWORDS}`,
  types: `${PostgreSQL.spec.types ?? ''} ${DUCKDB_TYPES}`,
  builtin: `${PostgreSQL.spec.builtin ?? ''} ${DUCKDB_BUILTIN}`,
  charSetCasts: false,
  doubleQuotedStrings: false,
  caseInsensitiveIdentifiers: true,
});

// Colours come from the site's theme variables, so light and dark both read well.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--accent)', fontWeight: '600' },
  { tag: [t.typeName, t.standard(t.name)], color: 'var(--info-fg)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--ok-fg)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--warn-fg)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: t.invalid, color: 'var(--danger-fg)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg)', color: 'var(--fg)', fontSize: '0.9rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--fg)', padding: '0.4rem 0' },
  '.cm-scroller': { fontFamily: 'var(--mono)', minHeight: '9rem', maxHeight: '24rem', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)', borderRadius: 'var(--radius) 0 0 var(--radius)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important',
  },
  '.cm-sql-error': {
    textDecoration: 'underline wavy var(--danger-fg)',
    textDecorationSkipInk: 'none',
    backgroundColor: 'var(--danger-bg)',
    color: 'var(--danger-fg)',
  },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.75' },
  '.cm-placeholder': { color: 'var(--muted)' },
});

// ---- the error mark ----

/** Marks [from, to) as the place of the error; null clears it. */
export const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();
const errorMark = Decoration.mark({ class: 'cm-sql-error', attributes: { 'data-sql-error-mark': '' } });

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setErrorMark)) marks = e.value ? Decoration.set([errorMark.range(e.value.from, e.value.to)]) : Decoration.none;
    // Editing the text clears the mark: the position no longer refers to the query that failed.
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** SQL support: highlighting, schema completion, and keywords except right after "schema." or "table.". */
function duckDbSql(schema: SQLNamespace): LanguageSupport {
  const lang = DuckDbDialect.language;
  const keywords = keywordCompletionSource(DuckDbDialect, false);
  const keywordsNotAfterDot: CompletionSource = (ctx) => (ctx.matchBefore(/\.\s*[\w$]*$/) ? null : keywords(ctx));
  return new LanguageSupport(lang, [
    lang.data.of({ autocomplete: schemaCompletionSource({ dialect: DuckDbDialect, schema, defaultSchema: 'main' }) }),
    lang.data.of({ autocomplete: keywordsNotAfterDot }),
  ]);
}

// The SQL support sits in a compartment so the completion schema can change (an upload, a deletion).
const language = new Compartment();

export function setSchema(view: EditorView, schema: SQLNamespace): void {
  view.dispatch({ effects: language.reconfigure(duckDbSql(schema)) });
}

export interface EditorOptions {
  doc: string;
  schema: SQLNamespace;
  label: string;
  describedBy?: string;
  onChange(doc: string): void;
  onRun(): void;
}

export function createEditor(parent: HTMLElement, o: EditorOptions): EditorView {
  const run = () => {
    o.onRun();
    return true;
  };
  const extensions: Extension[] = [
    lineNumbers(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    autocompletion({ activateOnTyping: true, icons: false }),
    keymap.of([
      { key: 'Mod-Enter', run, preventDefault: true },
      { key: 'Shift-Enter', run, preventDefault: true },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...completionKeymap,
      // Tab indents, but Escape then Tab leaves the editor (CodeMirror's accessible default).
      indentWithTab,
    ]),
    language.of(duckDbSql(o.schema)),
    syntaxHighlighting(highlight),
    theme,
    errorField,
    placeholder('SELECT * FROM main.results LIMIT 10'),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({
      'aria-label': o.label,
      ...(o.describedBy ? { 'aria-describedby': o.describedBy } : {}),
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) o.onChange(u.state.doc.toString());
    }),
  ];
  return new EditorView({ parent, state: EditorState.create({ doc: o.doc, extensions }) });
}
