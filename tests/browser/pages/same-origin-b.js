window.__order.push('same-origin-b');
