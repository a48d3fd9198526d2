// The automatic JSX runtime, reduced to plain element objects: `{ type, props }`, children in props.
export const Fragment = Symbol.for('react.fragment');

export function jsx(type, props, key) {
  return { type, props, key: key ?? null };
}

// Elements with static children: the same object.
export function jsxs(type, props, key) {
  return jsx(type, props, key);
}
