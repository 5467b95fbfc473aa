// The banner's CSS, adopted by its shadow root as a constructable stylesheet: no <style>
// element and no style attribute, so it works under `style-src 'self'`.
//
// Theming, only through custom properties set on the host (#consent-guard-banner); each
// overrides both the light and the dark palette:
//   --cg-bg, --cg-fg          background and text (keep >= 4.5:1)
//   --cg-accent, --cg-accent-fg   buttons, links, switches, focus ring; text on the accent
//   --cg-border               card, switch and outline-button edges (>= 3:1 against --cg-bg)
//   --cg-radius               corner radius of the cards (default 12px)
//   --cg-font                 font-family (default: the system font stack)
//   --cg-z                    z-index of the overlay (default 2147483000)
//
// `:host { all: initial !important }` cuts every inherited or host-page declaration off at
// the host (important declarations of the inner context win over the page's); custom
// properties are not part of `all`, so the --cg-* ones still come through. The host is
// `display: contents` and everything inside is position: fixed, so the page's layout (block,
// flex or grid body) never changes.

const LIGHT =
  '--_bg:var(--cg-bg,#ffffff);--_fg:var(--cg-fg,#1b1f24);--_accent:var(--cg-accent,#0b57d0);' +
  '--_accent-fg:var(--cg-accent-fg,#ffffff);--_border:var(--cg-border,#6b7380);' +
  '--_shadow:rgba(15,20,30,.22);--_backdrop:rgba(15,20,30,.55);color-scheme:light;';
const DARK =
  '--_bg:var(--cg-bg,#1d2127);--_fg:var(--cg-fg,#eef1f5);--_accent:var(--cg-accent,#8ab4f8);' +
  '--_accent-fg:var(--cg-accent-fg,#0d1b2e);--_border:var(--cg-border,#8a939f);' +
  '--_shadow:rgba(0,0,0,.55);--_backdrop:rgba(0,0,0,.7);color-scheme:dark;';

export const CSS = `
:host{all:initial!important;display:contents!important}
:host(:popover-open){display:block!important;position:fixed!important;inset:0!important;pointer-events:none!important}
.cg-first,.cg-backdrop,.cg-reopen{pointer-events:auto}
*{box-sizing:border-box}
[hidden]{display:none!important}
.cg{${LIGHT}--_radius:var(--cg-radius,12px);--_z:var(--cg-z,2147483000);
--_font:var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif);
--_line:color-mix(in srgb,var(--_border) 45%,var(--_bg))}
.cg[data-theme=dark]{${DARK}}
@media (prefers-color-scheme:dark){.cg[data-theme=auto]{${DARK}}}
p,h2,ul,dl,dd{margin:0;padding:0}
ul{list-style:none}
.cg-first,.cg-backdrop,.cg-reopen{font:400 .9375em/1.45 var(--_font);color:var(--_fg);overflow-wrap:anywhere}
.cg-first,.cg-modal{background:var(--_bg);color:var(--_fg);border:1px solid var(--_border);
border-radius:var(--_radius);box-shadow:0 8px 32px var(--_shadow)}
.cg-title{font-size:1.2em;font-weight:700;line-height:1.3}
.cg-title:focus{outline:none}
.cg-reason,.cg-note{padding-inline-start:.75em;border-inline-start:4px solid var(--_accent)}
.cg-reason{font-weight:600}
.cg-link{color:var(--_accent);text-decoration:underline;text-underline-offset:.15em}
.cg-link:hover{text-decoration-thickness:2px}
.cg-download{appearance:none;background:none;border:0;padding:0;margin:0;font:inherit;cursor:pointer;min-height:24px}
.cg-download-row{margin:8px 0}
:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}

.cg-first{position:fixed;z-index:var(--_z);left:8px;right:8px;bottom:8px;margin:0 auto;max-width:62em;
max-height:calc(100% - 16px);display:flex;flex-direction:column}
.cg-first__body{min-height:0;overflow:auto;overscroll-behavior:contain;padding:16px 16px 8px;
display:flex;flex-direction:column;gap:.5em}
.cg-first__body>*{flex:none}
.cg-actions{flex:none;display:grid;grid-template-columns:1fr 1fr;grid-auto-rows:1fr;gap:8px;padding:8px 16px 16px}
.cg-btn--wide{grid-column:1/-1}
.cg-btn{appearance:none;margin:0;min-height:44px;padding:8px 12px;border:2px solid var(--_accent);
border-radius:calc(var(--_radius)*.66);background:var(--_accent);color:var(--_accent-fg);
font:600 1em/1.25 var(--_font);text-align:center;overflow-wrap:anywhere;cursor:pointer}
.cg-btn:hover{text-decoration:underline}
.cg-btn--secondary{background:var(--_bg);color:var(--_fg);border-color:var(--_border)}
[aria-busy=true] .cg-btn{cursor:progress}
@media (min-width:48em){
.cg-first{flex-direction:row;align-items:center}
.cg-first__body{flex:1 1 auto;align-self:stretch;padding:20px 8px 20px 24px}
.cg-first .cg-actions{width:17em;grid-template-columns:1fr;padding:20px 24px}
.cg-first .cg-btn--wide{grid-column:auto}
}

.cg-backdrop{position:fixed;z-index:var(--_z);inset:0;display:flex;align-items:center;justify-content:center;
padding:8px;background:var(--_backdrop)}
.cg-modal{display:flex;flex-direction:column;width:100%;max-width:40em;max-height:100%}
.cg-modal__head{flex:none;display:flex;align-items:center;justify-content:space-between;gap:12px;
padding:8px 8px 8px 16px;border-bottom:1px solid var(--_line)}
.cg-close{appearance:none;flex:none;width:44px;height:44px;margin:0;padding:0;border:0;
border-radius:calc(var(--_radius)*.66);background:transparent;color:var(--_fg);font:400 28px/1 var(--_font);cursor:pointer}
.cg-close:hover{background:var(--_line)}
.cg-modal__body{min-height:0;overflow:auto;overscroll-behavior:contain;padding:8px 16px}
.cg-modal__body>.cg-note{margin:8px 0}
.cg-modal .cg-actions{padding:12px 16px 16px;border-top:1px solid var(--_line)}
@media (min-width:40em){
.cg-modal .cg-actions{grid-template-columns:repeat(3,1fr)}
.cg-modal .cg-btn--wide{grid-column:auto}
}
.cg-purpose{padding:12px 0}
.cg-purpose+.cg-purpose{border-top:1px solid var(--_line)}
.cg-purpose__row{display:flex;align-items:center;gap:12px}
.cg-purpose__names{flex:1;min-width:0;display:flex;flex-direction:column}
.cg-purpose__name{font-weight:700;cursor:pointer}
.cg-badge{font-size:.875em;font-weight:600}
.cg-purpose__about{margin-top:4px}
.cg-switch{--_track:var(--_bg);--_knob:var(--_border);--_edge:var(--_border);--_x:3px;
appearance:none;flex:none;width:48px;height:28px;margin:0;border:2px solid var(--_edge);border-radius:999px;
background:var(--_track) radial-gradient(circle closest-side,var(--_knob) 0 86%,transparent) no-repeat var(--_x) 50%/18px 18px;
cursor:pointer}
.cg-switch:checked{--_track:var(--_accent);--_knob:var(--_accent-fg);--_edge:var(--_accent);--_x:calc(100% - 3px)}
.cg-switch:disabled{opacity:.6;cursor:not-allowed}
.cg-services{margin-top:6px}
.cg-services summary{width:fit-content;padding:4px 0;color:var(--_accent);font-weight:600;cursor:pointer}
.cg-services ul{display:grid;gap:6px;margin-top:4px}
.cg-service{padding:8px 10px;border:1px solid var(--_line);border-radius:calc(var(--_radius)*.5)}
.cg-service__name{font-weight:700}
.cg-service dl{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin-top:2px}
.cg-service dl>div{display:contents}
.cg-service dt{font-weight:600}

.cg-reopen{position:fixed;z-index:var(--_z);bottom:12px;left:12px;max-width:calc(100% - 24px);min-height:32px;
margin:0;padding:6px 12px;border:1px solid var(--_border);border-radius:999px;background:var(--_bg);color:var(--_fg);
font-size:.8125em;font-weight:600;line-height:1.2;box-shadow:0 2px 8px var(--_shadow);cursor:pointer}
.cg-reopen--right{left:auto;right:12px}
.cg-reopen:hover{text-decoration:underline}
@media (max-width:30em){
.cg-reopen{width:44px;height:44px;padding:0;font-size:0;display:flex;align-items:center;justify-content:center}
.cg-reopen::before{content:"\\2699";font-size:22px;line-height:1}
}

@media (prefers-reduced-motion:no-preference){
.cg-first,.cg-modal{animation:cg-rise .18s ease-out}
.cg-switch{transition:background-position .15s ease-out,background-color .15s ease-out}
@keyframes cg-rise{from{transform:translateY(12px);opacity:0}}
}
@media (forced-colors:active){
.cg-switch{forced-color-adjust:none;--_track:Canvas;--_knob:CanvasText;--_edge:CanvasText}
.cg-switch:checked{--_track:Highlight;--_knob:HighlightText;--_edge:Highlight}
.cg-btn,.cg-reopen{border-color:ButtonText}
}
`;

// Gives the shadow root its stylesheet: a constructable stylesheet where the browser has them
// (every current one), otherwise the same CSS from dist/consent-guard.css (`href`, next to the
// guard) as a <link>, which a strict style-src 'self' allows (Safari before 16.4).
export function adoptStyles(root, href) {
  const constructable =
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype &&
    'adoptedStyleSheets' in ShadowRoot.prototype;
  if (constructable) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else if (href) {
    // Hidden until the sheet arrives: its :host rule (all: initial !important) then overrides
    // this inline visibility, so the banner never shows unstyled. Shown as it is if the sheet
    // cannot load.
    root.host.style.visibility = 'hidden';
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onerror = () => root.host.style.removeProperty('visibility');
    root.append(link);
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
