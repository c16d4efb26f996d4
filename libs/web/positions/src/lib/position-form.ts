import { POSITION_TITLE_MAX, PositionStatementType } from '@civitas/shared/domain';

/** The fields of the position form, as typed. */
export interface PositionFormValues {
  type: PositionStatementType;
  title: string;
  adoptedOn: string;
  actTitle: string;
  actReference: string;
  summaryMarkdown: string;
}

export function emptyPositionForm(): PositionFormValues {
  return {
    type: PositionStatementType.POSITION,
    title: '',
    adoptedOn: '',
    actTitle: '',
    actReference: '',
    summaryMarkdown: '',
  };
}

/** The fields that stop saving, by name (the API checks again). */
export function positionFormProblems(v: PositionFormValues): (keyof PositionFormValues)[] {
  const problems: (keyof PositionFormValues)[] = [];
  if (!v.title.trim() || v.title.length > POSITION_TITLE_MAX) problems.push('title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.adoptedOn)) problems.push('adoptedOn');
  return problems;
}

/** The API's input: blank optional texts become null. */
export function positionInput(v: PositionFormValues) {
  return {
    type: v.type,
    title: v.title.trim(),
    adoptedOn: v.adoptedOn,
    actTitle: v.actTitle.trim() || null,
    actReference: v.actReference.trim() || null,
    summaryMarkdown: v.summaryMarkdown,
  };
}
