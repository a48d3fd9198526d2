// Just enough of React for the browser behaviour tests to call a function component or a hook once,
// outside any renderer, and reach the event handlers and callbacks it returns: state keeps its
// initial value and every update is recorded; nothing renders. The upload code they run is untouched.
export const stateUpdates = [];
const listeners = new Set();

/** Resolves with the first state update from now on that `accept` takes. */
export function nextStateUpdate(accept) {
  return new Promise((resolve) => {
    const listener = (value) => {
      if (!accept(value)) return;
      listeners.delete(listener);
      resolve(value);
    };
    listeners.add(listener);
  });
}

export function useState(initial) {
  const value = typeof initial === 'function' ? initial() : initial;
  const set = (next) => {
    stateUpdates.push(next);
    for (const listener of [...listeners]) listener(next);
  };
  return [value, set];
}

export function useRef(initial) {
  return { current: initial };
}

export function useCallback(fn) {
  return fn;
}

export function useMemo(make) {
  return make();
}

export function useEffect() {}

export default { useState, useRef, useCallback, useMemo, useEffect };
