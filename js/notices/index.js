// consent-guard-notices.js: what the guard shows on the page besides its banner, loaded only
// when a page needs it, so a first visit without held frames never downloads it: the "reload
// to finish" notice after a withdrawal, and the placeholders of frames the operator holds by
// hand until their purpose is allowed.
import { showReloadNotice } from './reload.js';
import { placeholders } from './placeholders.js';

const guard = window[Symbol.for('consent-guard')]; // the loader's (js/loader/guard.js)
if (guard && guard.onNoticesModule) guard.onNoticesModule({ showReloadNotice, placeholders });
