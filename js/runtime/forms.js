// Forms the operator names in the configuration (forms.selector): submitting them needs the
// visitor's consent to the processing of personal data, a checkbox in the page's language
// linking to the policy, and the submission carries the id of the visitor's consent decision
// (forms.field, a hidden field) so that a booking can be tied to the consent. Enforced in the
// capture phase at the window, before the site's own handlers (Tilda and others submit by
// script from a click, with novalidate), so an unticked box stops every way of sending.

const CHECKBOX = 'consent_personal_data';
const SENDS = 'button:not([type]),button[type=submit],input[type=submit],input[type=image]';

export function watchForms(guard, config) {
  const { selector, field } = config.forms;
  if (!selector) return;
  try {
    document.querySelectorAll(selector);
  } catch (e) {
    console.error('consent-guard: forms.selector "' + selector + '" is not a valid CSS selector');
    return;
  }
  const core = guard.core;
  const prepared = new WeakSet();

  function prepare(form) {
    if (prepared.has(form)) return;
    prepared.add(form);
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = CHECKBOX;
    box.value = 'yes';
    box.required = true;
    box.addEventListener('change', () => box.setCustomValidity(''));
    const label = document.createElement('label');
    label.className = 'consent-guard-form-consent';
    label.append(box, ' ' + core.text('form_consent'));
    if (config.policyUrl) {
      const link = document.createElement('a');
      link.href = config.policyUrl;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = core.text('policy_link');
      label.append(' (', link, ')');
    }
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = field;
    const submit = form.querySelector(SENDS);
    if (submit && submit.parentNode) submit.parentNode.insertBefore(label, submit);
    else form.appendChild(label);
    form.appendChild(hidden);
  }

  // A form is prepared once it is complete: while the parser is still inside it, its submit
  // button may not be there yet, and the box would land after it. The parser is past the
  // form's end tag once something follows the form (or an ancestor of it), or the page is parsed.
  function complete(form) {
    if (document.readyState !== 'loading') return true;
    for (let n = form; n && n !== document.documentElement; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  }

  function scan() {
    for (const form of document.querySelectorAll(selector))
      if (form.localName === 'form' && complete(form)) prepare(form);
  }

  // Stops the sending unless the box is ticked; fills in the decision id when it is.
  function guardSubmit(event) {
    const form = event.type === 'submit' ? event.target : event.target.closest && event.target.closest(SENDS);
    const owner = form && (form.localName === 'form' ? form : form.form);
    if (!owner || !prepared.has(owner)) return;
    const box = owner.elements[CHECKBOX];
    if (box && !box.checked) {
      event.preventDefault();
      event.stopImmediatePropagation();
      box.setCustomValidity(core.text('form_consent_required'));
      box.reportValidity();
      return;
    }
    const hidden = owner.elements[field];
    if (hidden) hidden.value = guard.impl.get().decisionId || '';
  }

  window.addEventListener('submit', guardSubmit, true);
  window.addEventListener('click', guardSubmit, true);
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  scan();
}
