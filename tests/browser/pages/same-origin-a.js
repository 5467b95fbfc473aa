window.__order.push('same-origin-a');
