// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { bumpDataRevision, useDataRevision } from './data-revision';
import { useResource } from './use-resource';

afterEach(cleanup);

/** Answers the test resolves by hand, in order. */
const pending: ((value: string) => void)[] = [];
const load = () => new Promise<string>((resolve) => pending.push(resolve));

function Shown({ itemKey }: { itemKey: string }) {
  const resource = useResource(load, true, itemKey, useDataRevision());
  return <p data-testid="shown">{resource.status === 'ready' ? resource.data : resource.status}</p>;
}

describe('reloading after a write (data revision)', () => {
  it('loads again on a new revision, keeping what it shows until the answer; another key shows loading', async () => {
    const { rerender } = render(<Shown itemKey="firm-1" />);
    expect(screen.getByTestId('shown').textContent).toBe('loading');
    await act(async () => pending.shift()!('grade C'));
    expect(screen.getByTestId('shown').textContent).toBe('grade C');

    act(() => bumpDataRevision());
    expect(pending).toHaveLength(1);
    expect(screen.getByTestId('shown').textContent).toBe('grade C');
    await act(async () => pending.shift()!('grade A'));
    expect(screen.getByTestId('shown').textContent).toBe('grade A');

    rerender(<Shown itemKey="firm-2" />);
    expect(screen.getByTestId('shown').textContent).toBe('loading');
    await act(async () => pending.shift()!('grade B'));
    expect(screen.getByTestId('shown').textContent).toBe('grade B');
  });
});
