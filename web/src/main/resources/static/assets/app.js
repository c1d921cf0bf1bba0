// The web app's only script besides htmx and Chart.js. No inline script anywhere: the CSP allows none.
(function () {
  'use strict';

  function cookie(name) {
    const found = document.cookie.split('; ').find(part => part.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  // The gateway checks CSRF on every write of a signed-in browser: echo its XSRF-TOKEN cookie.
  document.addEventListener('htmx:configRequest', event => {
    const token = cookie('XSRF-TOKEN');
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  // A refused form comes back with a summary of the problems: move focus there so a screen reader reads it.
  // The event fires on each element swapped in (event.target); after an outerHTML swap detail.target is the
  // element that was replaced, no longer in the page.
  document.addEventListener('htmx:afterSwap', event => {
    const swapped = event.target;
    const summary = swapped.matches && swapped.matches('[data-problem-summary]') ? swapped
      : (swapped.querySelector ? swapped.querySelector('[data-problem-summary]') : null);
    if (summary) {
      summary.focus();
    }
  });

  // No answer at all (network, gateway away): say so; the form and its input stay as they are.
  function connectionProblem(show) {
    const banner = document.getElementById('connection-problem');
    if (banner) {
      banner.hidden = !show;
    }
  }
  document.addEventListener('htmx:sendError', () => connectionProblem(true));
  document.addEventListener('htmx:responseError', () => connectionProblem(true));
  document.addEventListener('htmx:afterRequest', event => {
    if (event.detail.successful) {
      connectionProblem(false);
      const refused = document.getElementById('request-problem');
      if (refused && !(event.detail.xhr.getResponseHeader('Content-Type') || '').includes('json')) {
        refused.hidden = true;
      }
    }
  });

  // A refusal by the gateway itself (CSRF, rate limit, body too large, service away) is problem+json, not a page
  // fragment: it must not replace the form (the user's input stays); its message shows in a banner instead.
  document.addEventListener('htmx:beforeSwap', event => {
    const type = event.detail.xhr.getResponseHeader('Content-Type') || '';
    if (!type.includes('json')) {
      return;
    }
    event.detail.shouldSwap = false;
    let message = 'The clinic system refused this request.';
    try {
      const problem = JSON.parse(event.detail.xhr.responseText);
      message = problem.detail || problem.title || message;
    } catch (ignored) {
      // not JSON after all: keep the general message
    }
    const banner = document.getElementById('request-problem');
    if (banner) {
      banner.querySelector('[data-message]').textContent = message;
      banner.hidden = false;
      banner.focus();
    }
  });

  // Charts: a <canvas data-chart="{Chart.js config as JSON}">, drawn when the page or a fragment loads.
  function drawCharts(root) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas[data-chart]').forEach(canvas => {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = 'true';
      new window.Chart(canvas, JSON.parse(canvas.dataset.chart));
    });
  }
  // A problem summary names each field as the API does (visits[1].offsetDays): show the field's label instead,
  // the words the user sees beside the input ("Due day").
  function nameFieldsByTheirLabels(root) {
    root.querySelectorAll('[data-problem-summary] a[href^="#"] [data-field-name]').forEach(name => {
      const id = name.closest('a').getAttribute('href').substring(1);
      const label = document.querySelector('label[for="' + CSS.escape(id) + '"]');
      if (label) {
        const words = label.cloneNode(true);
        words.querySelectorAll('.hint, .visually-hidden').forEach(extra => extra.remove());
        const text = words.textContent.replace(/\s+/g, ' ').trim();
        if (text) {
          name.textContent = text;
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    drawCharts(document);
    nameFieldsByTheirLabels(document);
  });
  document.addEventListener('htmx:load', event => {
    drawCharts(event.detail.elt);
    nameFieldsByTheirLabels(event.detail.elt);
  });
})();
