// Keyboard shortcuts: one table, shown by the help overlay and used by the key handler, so the two
// can never disagree. Keys typed into a field are never taken as shortcuts.
export interface Shortcut {
	keys: string;
	label: string;
	/** Where it applies: 'global' or a section name. */
	scope: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
	{ keys: '?', label: 'Show or hide this help', scope: 'global' },
	{ keys: 'g d', label: 'Go to Dashboard', scope: 'global' },
	{ keys: 'g b', label: 'Go to Books', scope: 'global' },
	{ keys: 'g k', label: 'Go to Banking', scope: 'global' },
	{ keys: 'g p', label: 'Go to Payroll', scope: 'global' },
	{ keys: 'g e', label: 'Go to People', scope: 'global' },
	{ keys: 'g t', label: 'Go to Tasks', scope: 'global' },
	{ keys: 'g s', label: 'Go to Settings', scope: 'global' },
	{ keys: 'n', label: 'New task', scope: 'tasks' },
	{ keys: '/', label: 'Search tasks', scope: 'tasks' },
	{ keys: 'v', label: 'Switch list / board view', scope: 'tasks' },
	{ keys: 'j / k', label: 'Next / previous task', scope: 'tasks' },
	{ keys: 'x', label: 'Complete the selected task', scope: 'tasks' },
	{ keys: 'Escape', label: 'Close the open panel or dialog', scope: 'global' }
];

export const GO_TARGETS: Record<string, string> = {
	d: '',
	b: '/books',
	k: '/banking',
	p: '/payroll',
	e: '/people',
	t: '/tasks',
	s: '/settings'
};

class ShortcutState {
	helpOpen = $state(false);
	/** Set after a 'g' so the next key picks a section. */
	pendingGo = $state(false);
}

export const shortcuts = new ShortcutState();

export function isTypingTarget(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el || !el.tagName) return false;
	return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
