/**
 * Append to the list under `key`, creating it. Grouping with a spread per item (`[...(m.get(k) ?? []), v]`)
 * copies the list each time: quadratic on the thousand-firm pools of a province.
 */
export function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
