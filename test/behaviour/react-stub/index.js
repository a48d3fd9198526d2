// Just enough of React for the XHR behaviour test to call a function component once, outside any
// renderer, and reach the event handlers in what it returns: hooks keep their initial state and
// record updates; nothing renders. The upload code the handlers run is untouched.
export const stateUpdates = [];

export function useState(initial) {
  const value = typeof initial === 'function' ? initial() : initial;
  return [value, (next) => stateUpdates.push(next)];
}

export function useRef(initial) {
  return { current: initial };
}

export function useCallback(fn) {
  return fn;
}

export function useEffect() {}

export default { useState, useRef, useCallback, useEffect };
