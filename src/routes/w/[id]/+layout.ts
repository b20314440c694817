// Workspace pages exist only in the browser that holds the workspace; the shell renders them.
export const prerender = false;
