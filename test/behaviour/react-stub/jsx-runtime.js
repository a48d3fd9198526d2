// The automatic JSX runtime, reduced to plain element objects: `{ type, props }`, children in props.
export const Fragment = Symbol.for('react.fragment');

export function jsx(type, props, key) {
  return { type, props, key: key ?? null };
}

export const jsxs = jsx;
