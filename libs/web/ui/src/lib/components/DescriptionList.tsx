import type { ReactNode } from 'react';

/** A <dl> of label/value pairs; empty values are skipped unless `placeholder` is given. */
export function DescriptionList({
  items,
  placeholder,
}: {
  items: { label: string; value: ReactNode }[];
  placeholder?: ReactNode;
}) {
  const shown = items.filter(
    (i) =>
      placeholder !== undefined || (i.value !== null && i.value !== undefined && i.value !== ''),
  );
  return (
    <dl className="civitas-dl">
      {shown.map((item) => (
        <div key={item.label} style={{ display: 'contents' }}>
          <dt>{item.label}</dt>
          <dd>
            {item.value === null || item.value === undefined || item.value === ''
              ? placeholder
              : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
