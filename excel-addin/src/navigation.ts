// How a ribbon button reaches the task pane: both live in the shared runtime, so a button asks for
// a view (and maybe an action to run on it) and the pane, once rendered, follows.
export type View = "load" | "check" | "summary" | "dashboard" | "settings";
export type ViewAction = "check" | "summary" | "dashboard";

export interface ViewRequest {
  view: View;
  run?: ViewAction;
}

type Listener = (request: ViewRequest) => void;

let listener: Listener | null = null;
let pending: ViewRequest | null = null;

export function requestView(request: ViewRequest): void {
  if (listener) listener(request);
  else pending = request;
}

/** The pane subscribes once; a request made before it rendered is delivered at once. */
export function onViewRequest(next: Listener): () => void {
  listener = next;
  if (pending) {
    const request = pending;
    pending = null;
    next(request);
  }
  return () => {
    if (listener === next) listener = null;
  };
}
