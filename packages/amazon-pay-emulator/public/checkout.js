/*
 * checkout.js of the local Amazon Pay emulator: a stand-in for
 * https://static-na.payments-amazon.com/checkout.js that talks to the emulator it was loaded from.
 *
 *   amazon.Pay.renderButton(selector, options)      -> { onClick, initCheckout, updateButtonInfo }
 *   amazon.Pay.bindChangeAction(selector, { amazonCheckoutSessionId, changeAction })
 *   amazon.Pay.signout()                             -> Promise
 *   amazon.Pay.renderJSButton(selector, options)     -> Buy Now dialog with the merchant's handlers
 *
 * Plain browser JavaScript, no build step. See README.md in the same folder's parent.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) {
    var scripts = document.querySelectorAll('script[src*="checkout.js"]');
    script = scripts[scripts.length - 1];
  }
  var ORIGIN = new URL(script ? script.src : "/", window.location.href).origin;
  var CHANGE_ACTIONS = ["changeAddress", "changePayment"];

  function targetsOf(selector, caller) {
    var list =
      typeof selector === "string"
        ? Array.prototype.slice.call(document.querySelectorAll(selector))
        : selector instanceof Element
          ? [selector]
          : [];
    if (list.length === 0)
      throw new Error("amazon.Pay." + caller + ": no element matches " + String(selector));
    return list;
  }

  function h(tag, props, children) {
    var el = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") el.textContent = value;
      else if (key.indexOf("on") === 0 && typeof value === "function")
        el.addEventListener(key.slice(2), value);
      else if (value === true) el.setAttribute(key, "");
      else el.setAttribute(key, String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false)
        el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  var STYLE = [
    ".apsbx-button{display:inline-flex;align-items:center;justify-content:center;gap:.5em;min-width:200px;min-height:45px;padding:0 1.25em;border-radius:8px;border:1px solid #fcd200;background:#ffd814;color:#0f1111;font:600 16px/1.2 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;cursor:pointer}",
    ".apsbx-button[data-color=LightGray]{background:#e7e9ec;border-color:#adb1b8}",
    ".apsbx-button[data-color=DarkGray]{background:#232f3e;border-color:#232f3e;color:#fff}",
    ".apsbx-button:focus-visible,.apsbx-dialog :focus-visible{outline:3px solid #0a58ca;outline-offset:2px}",
    ".apsbx-tag{font-size:.7em;font-weight:700;background:#232f3e;color:#ffd814;border-radius:3px;padding:.1em .35em}",
    ".apsbx-button[data-color=DarkGray] .apsbx-tag{background:#ffd814;color:#232f3e}",
    ".apsbx-dialog{width:min(40rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);padding:0;border:1px solid #d5d9d9;border-radius:10px;color:#0f1111;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}",
    ".apsbx-dialog::backdrop{background:rgba(15,17,17,.55)}",
    ".apsbx-head{background:#232f3e;color:#fff;padding:.75rem 1.25rem}",
    ".apsbx-head h2{margin:0;font-size:1.2rem}",
    ".apsbx-body{padding:1rem 1.25rem;overflow:auto;max-height:calc(100vh - 10rem)}",
    ".apsbx-body fieldset{border:1px solid #d5d9d9;border-radius:6px;margin:0 0 .9rem;padding:.4rem .9rem .6rem}",
    ".apsbx-body legend{font-weight:600;padding:0 .25rem}",
    ".apsbx-option{display:flex;gap:.55rem;align-items:flex-start;padding:.3rem 0}",
    ".apsbx-option input{margin-top:.3rem}",
    ".apsbx-detail{display:block;color:#565959;font-size:.88rem}",
    ".apsbx-reason{display:block;color:#b12704;font-size:.88rem}",
    ".apsbx-alert{border:2px solid #b12704;border-radius:6px;padding:.5rem .8rem;color:#b12704;background:#fff5f5;margin:0 0 .9rem}",
    ".apsbx-status{color:#565959;margin:0 0 .75rem;min-height:1.2em}",
    ".apsbx-summary table{width:100%;border-collapse:collapse;font-size:.95rem}",
    ".apsbx-summary th,.apsbx-summary td{padding:.25rem .3rem;border-bottom:1px solid #eaeded;text-align:left}",
    ".apsbx-summary td.apsbx-amount{text-align:right;white-space:nowrap}",
    ".apsbx-summary tr.apsbx-total th,.apsbx-summary tr.apsbx-total td{font-weight:700;border-bottom:0}",
    ".apsbx-summary h3{font-size:1rem;margin:.25rem 0 .4rem}",
    ".apsbx-actions{display:flex;gap:.75rem;justify-content:flex-end;padding:.75rem 1.25rem;border-top:1px solid #d5d9d9}",
    ".apsbx-actions button{font:600 1rem system-ui,sans-serif;border-radius:8px;padding:.5rem 1.3rem;cursor:pointer;border:1px solid #adb1b8;background:#fff;color:#0f1111}",
    ".apsbx-actions button.apsbx-primary{background:#ffd814;border-color:#fcd200}",
    ".apsbx-actions button:disabled{opacity:.55;cursor:not-allowed}",
  ].join("\n");

  function injectStyles() {
    if (document.getElementById("amazon-pay-emulator-styles")) return;
    document.head.appendChild(h("style", { id: "amazon-pay-emulator-styles", text: STYLE }));
  }

  function createButton(options, testId) {
    injectStyles();
    var color =
      ["Gold", "LightGray", "DarkGray"].indexOf(options.buttonColor) >= 0 ? options.buttonColor : "Gold";
    return h(
      "button",
      {
        type: "button",
        class: "apsbx-button",
        "data-color": color,
        "data-testid": testId,
        "aria-label": "Amazon Pay (emulator)",
      },
      [
        h("span", { text: "Amazon Pay" }),
        h("span", { class: "apsbx-tag", "aria-hidden": "true", text: "EMULATOR" }),
      ],
    );
  }

  function mount(selector, caller, button) {
    var container = targetsOf(selector, caller)[0];
    container.replaceChildren(button);
    return button;
  }

  function postForm(path, fields) {
    var form = h("form", { method: "post", action: ORIGIN + path, hidden: true });
    Object.keys(fields).forEach(function (name) {
      var value = fields[name];
      if (value === undefined || value === null || value === "") return;
      form.appendChild(h("input", { type: "hidden", name: name, value: String(value) }));
    });
    document.body.appendChild(form);
    form.submit();
  }

  function goToHostedPage(sessionId, changeAction) {
    var url = ORIGIN + "/checkout?amazonCheckoutSessionId=" + encodeURIComponent(sessionId);
    if (changeAction) url += "&changeAction=" + encodeURIComponent(changeAction);
    window.location.assign(url);
  }

  /** Starts a checkout: a signed config goes to the emulator, which verifies it and shows the hosted page. */
  function startCheckout(options, request) {
    request = request || {};
    var productType = request.productType || options.productType || "PayAndShip";
    if (request.amazonCheckoutSessionId) return goToHostedPage(request.amazonCheckoutSessionId);
    var config =
      productType === "SignIn"
        ? request.signInConfig || options.signInConfig
        : request.createCheckoutSessionConfig || options.createCheckoutSessionConfig;
    if (
      !config &&
      productType !== "SignIn" &&
      options.createCheckoutSession &&
      options.createCheckoutSession.url
    ) {
      var legacy = options.createCheckoutSession;
      return fetch(legacy.url, { method: legacy.method || "POST", credentials: "same-origin" })
        .then(function (response) {
          return response.json();
        })
        .then(function (json) {
          goToHostedPage(json[legacy.extractAmazonCheckoutSessionId || "checkoutSessionId"]);
        });
    }
    if (!config || typeof config.payloadJSON !== "string" || typeof config.signature !== "string") {
      throw new Error(
        "amazon.Pay: " +
          (productType === "SignIn" ? "signInConfig" : "createCheckoutSessionConfig") +
          " { payloadJSON, signature, publicKeyId, algorithm } is required",
      );
    }
    postForm("/checkout/start", {
      payloadJSON: config.payloadJSON,
      signature: config.signature,
      publicKeyId: config.publicKeyId || options.publicKeyId,
      algorithm: config.algorithm,
      merchantId: options.merchantId,
      productType: productType,
      checkoutLanguage: options.checkoutLanguage,
    });
  }

  function renderButton(selector, options) {
    options = Object.assign({}, options || {});
    var clickHandler = null;
    var button = mount(selector, "renderButton", createButton(options, "amazon-pay-button"));
    button.addEventListener("click", function () {
      if (clickHandler) clickHandler();
      else startCheckout(options, {});
    });
    return {
      onClick: function (callback) {
        clickHandler = callback;
      },
      initCheckout: function (request) {
        return startCheckout(options, request);
      },
      updateButtonInfo: function (estimatedOrderAmount) {
        options.estimatedOrderAmount = estimatedOrderAmount;
        button.setAttribute(
          "data-estimated-order-amount",
          estimatedOrderAmount ? estimatedOrderAmount.amount + " " + estimatedOrderAmount.currencyCode : "",
        );
      },
    };
  }

  function bindChangeAction(selector, request) {
    if (!request || !request.amazonCheckoutSessionId)
      throw new Error("amazon.Pay.bindChangeAction: amazonCheckoutSessionId is required");
    if (CHANGE_ACTIONS.indexOf(request.changeAction) < 0)
      throw new Error("amazon.Pay.bindChangeAction: changeAction must be changeAddress or changePayment");
    targetsOf(selector, "bindChangeAction").forEach(function (el) {
      el.addEventListener("click", function (event) {
        event.preventDefault();
        goToHostedPage(request.amazonCheckoutSessionId, request.changeAction);
      });
    });
  }

  function signout() {
    return fetch(ORIGIN + "/checkout/signout", { method: "POST", credentials: "include" }).then(
      function () {
        return undefined;
      },
      function () {
        return undefined;
      },
    );
  }

  // ---- Buy Now ------------------------------------------------------------------------------

  function api(path, body) {
    var init = { method: body === undefined ? "GET" : "POST", credentials: "include" };
    if (body !== undefined) {
      init.headers = { "content-type": "application/json" };
      init.body = JSON.stringify(body);
    }
    return fetch(ORIGIN + path, init).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          var error = new Error(json.message || "HTTP " + response.status);
          error.reasonCode = json.reasonCode || "InternalServerError";
          throw error;
        }
        return json;
      });
    });
  }

  function formatPrice(price) {
    if (!price) return "";
    try {
      return new Intl.NumberFormat(document.documentElement.lang || "en-US", {
        style: "currency",
        currency: price.currencyCode,
      }).format(price.amount);
    } catch (e) {
      return price.amount + " " + price.currencyCode;
    }
  }

  function addressText(a) {
    var cityLine = [a.city, [a.stateOrRegion, a.postalCode].filter(Boolean).join(" ")]
      .filter(Boolean)
      .join(", ");
    return [a.addressLine1, a.addressLine2, cityLine, a.countryCode].filter(Boolean).join(", ");
  }

  /** Runs a merchant handler; a throw or rejection becomes { status: "error" }. */
  function callHandler(handler, event) {
    return new Promise(function (resolve) {
      resolve(handler(event));
    }).then(
      function (result) {
        return result;
      },
      function (error) {
        return {
          status: "error",
          reasonCode: (error && error.reasonCode) || "MerchantHandlerFailed",
          message: (error && error.message) || String(error),
        };
      },
    );
  }

  var isError = function (result) {
    return result !== null && typeof result === "object" && result.status === "error";
  };

  function openBuyNow(options) {
    injectStyles();
    var state = {
      id: null,
      data: null,
      buyerId: null,
      addressId: null,
      paymentMethodId: null,
      cart: null,
      rawCart: null,
      addressError: null,
      busy: 0,
      done: false,
    };
    var seq = 0;
    var status = h("p", { class: "apsbx-status", role: "status", "aria-live": "polite" });
    var alert = h("div", {
      class: "apsbx-alert",
      role: "alert",
      hidden: true,
      "data-testid": "amazon-pay-error",
    });
    var buyersEl = h("div");
    var addressesEl = h("div");
    var deliveryEl = h("div");
    var paymentsEl = h("div");
    var summaryEl = h("section", { class: "apsbx-summary", "aria-labelledby": "apsbx-summary-title" });
    var payButton = h(
      "button",
      { type: "button", class: "apsbx-primary", disabled: true, "data-testid": "amazon-pay-pay-now" },
      ["Pay now"],
    );
    var cancelButton = h("button", { type: "button", "data-testid": "amazon-pay-cancel" }, ["Cancel"]);
    var dialog = h(
      "dialog",
      {
        class: "apsbx-dialog",
        "aria-labelledby": "apsbx-title",
        "aria-describedby": "apsbx-description",
        "data-testid": "amazon-pay-buy-now",
      },
      [
        h("div", { class: "apsbx-head" }, [
          h("h2", { id: "apsbx-title" }, [
            "Amazon Pay ",
            h("span", { class: "apsbx-tag", text: "EMULATOR" }),
          ]),
        ]),
        h("div", { class: "apsbx-body" }, [
          h("p", {
            id: "apsbx-description",
            class: "apsbx-detail",
            text: "Buy Now checkout of the local Amazon Pay emulator: choose a test buyer, address and payment method.",
          }),
          status,
          alert,
          buyersEl,
          addressesEl,
          deliveryEl,
          paymentsEl,
          summaryEl,
        ]),
        h("div", { class: "apsbx-actions" }, [cancelButton, payButton]),
      ],
    );

    function setStatus(text) {
      status.textContent = text || "";
    }
    function showAlert(text) {
      alert.textContent = text || "";
      alert.hidden = !text;
    }
    function reportError(error) {
      var detail = {
        reasonCode: error.reasonCode || "InternalServerError",
        message: error.message || String(error),
      };
      if (typeof options.onError === "function") {
        try {
          options.onError(detail);
        } catch (e) {
          /* the merchant's handler failed; nothing more to do */
        }
      }
      return detail;
    }
    function canPay() {
      return (
        !state.done &&
        state.busy === 0 &&
        state.id &&
        state.cart &&
        !state.addressError &&
        state.paymentMethodId
      );
    }
    function refreshPay() {
      payButton.disabled = !canPay();
    }
    function track(promise) {
      state.busy++;
      refreshPay();
      return promise.then(
        function (value) {
          state.busy--;
          refreshPay();
          return value;
        },
        function (error) {
          state.busy--;
          refreshPay();
          throw error;
        },
      );
    }
    function close() {
      state.done = true;
      if (dialog.open) dialog.close();
      dialog.remove();
    }

    function radio(name, id, value, checked, disabled, labelChildren, describedBy, onChange) {
      var input = h("input", {
        type: "radio",
        name: name,
        id: id,
        value: value,
        checked: checked,
        disabled: disabled,
        "aria-describedby": describedBy,
        "data-testid": id,
      });
      input.addEventListener("change", onChange);
      return h("div", { class: "apsbx-option" }, [input, h("label", { for: id }, labelChildren)]);
    }

    function currentBuyer() {
      return state.data.buyers.filter(function (b) {
        return b.buyerId === state.buyerId;
      })[0];
    }

    function renderBuyers() {
      var rows = state.data.buyers.map(function (b, i) {
        return radio(
          "apsbx-buyer",
          "apsbx-buyer-" + i,
          b.buyerId,
          b.buyerId === state.buyerId,
          false,
          [b.name, h("span", { class: "apsbx-detail", text: b.email })],
          null,
          function () {
            state.buyerId = b.buyerId;
            state.addressId = firstAllowedAddress(b);
            renderAddresses();
            selectionChanged(true);
          },
        );
      });
      buyersEl.replaceChildren(h("fieldset", {}, [h("legend", { text: "Test buyer" })].concat(rows)));
    }

    function firstAllowedAddress(buyer) {
      var allowed = buyer.addresses.filter(function (a) {
        return !a.restriction;
      })[0];
      return allowed ? allowed.id : null;
    }

    function renderAddresses() {
      if (state.data.productType !== "PayAndShip") return addressesEl.replaceChildren();
      var buyer = currentBuyer();
      var rows = buyer.addresses.map(function (a) {
        var id = "apsbx-address-" + a.id;
        var reasonId = a.restriction ? id + "-reason" : null;
        return radio(
          "apsbx-address",
          id,
          a.id,
          a.id === state.addressId,
          !!a.restriction,
          [
            addressText(a.address),
            h("span", { class: "apsbx-detail", text: a.label }),
            a.restriction
              ? h("span", { class: "apsbx-reason", id: reasonId, text: "Not available: " + a.restriction })
              : null,
          ],
          reasonId,
          function () {
            state.addressId = a.id;
            selectionChanged(true);
          },
        );
      });
      addressesEl.replaceChildren(
        h("fieldset", {}, [h("legend", { text: "Shipping address" })].concat(rows)),
      );
    }

    function renderPayments() {
      var rows = state.data.paymentMethods.map(function (p) {
        var id = "apsbx-payment-" + p.id;
        return radio(
          "apsbx-payment",
          id,
          p.id,
          p.id === state.paymentMethodId,
          false,
          [
            p.brand + " ending in " + p.last4,
            h("span", { class: "apsbx-detail", text: "Simulates: " + p.simulates }),
          ],
          null,
          function () {
            state.paymentMethodId = p.id;
            selectionChanged(false);
          },
        );
      });
      paymentsEl.replaceChildren(h("fieldset", {}, [h("legend", { text: "Payment method" })].concat(rows)));
    }

    function renderDelivery() {
      var options_ = state.cart && state.cart.deliveryOptions ? state.cart.deliveryOptions : [];
      if (options_.length === 0) return deliveryEl.replaceChildren();
      var selectable = typeof options.onDeliveryOptionSelection === "function";
      var label = function (d) {
        return d.shippingMethod.shippingMethodName + " — " + formatPrice(d.price);
      };
      var rows = selectable
        ? options_.map(function (d) {
            return radio(
              "apsbx-delivery",
              "apsbx-delivery-" + d.id,
              d.id,
              d.isDefault,
              false,
              [label(d)],
              null,
              function () {
                deliveryChanged(d);
              },
            );
          })
        : options_
            .filter(function (d) {
              return d.isDefault;
            })
            .map(function (d) {
              return h("p", { class: "apsbx-option", text: label(d) });
            });
      deliveryEl.replaceChildren(h("fieldset", {}, [h("legend", { text: "Delivery option" })].concat(rows)));
    }

    function row(label, price, className) {
      return h("tr", { class: className }, [
        h("th", { scope: "row", text: label }),
        h("td", { class: "apsbx-amount", text: formatPrice(price) }),
      ]);
    }

    function renderSummary() {
      var cart = state.cart;
      if (!cart) return summaryEl.replaceChildren();
      var rows = (cart.lineItems || []).map(function (l) {
        return row(
          l.title + (l.variantTitle ? " (" + l.variantTitle + ")" : "") + " × " + l.quantity,
          l.totalListPrice,
        );
      });
      rows.push(row("Items", cart.totalBaseAmount));
      rows.push(row("Shipping", cart.totalShippingAmount));
      rows.push(row("Tax", cart.totalTaxAmount));
      if (cart.totalDiscountAmount && Number(cart.totalDiscountAmount.amount) !== 0)
        rows.push(row("Discount", cart.totalDiscountAmount));
      if (cart.totalOrderAmount && cart.totalOrderAmount.amount !== cart.totalChargeAmount.amount)
        rows.push(row("Order total", cart.totalOrderAmount));
      rows.push(row("Total charged now", cart.totalChargeAmount, "apsbx-total"));
      summaryEl.replaceChildren(
        h("h3", { id: "apsbx-summary-title", text: "Order summary" }),
        h("table", { "data-testid": "amazon-pay-summary" }, [h("tbody", {}, rows)]),
      );
      renderDelivery();
    }

    function sendCart(eventName, cartDetails, extra) {
      return track(
        api(
          "/checkout/buy-now/sessions/" + encodeURIComponent(state.id) + "/cart",
          Object.assign({ event: eventName, cartDetails: cartDetails }, extra || {}),
        ),
      ).then(function (response) {
        state.cart = response.cartDetails;
        if (eventName !== "delivery") state.rawCart = cartDetails;
        renderSummary();
        refreshPay();
      });
    }

    function fail(error, prefix) {
      var detail = reportError(error);
      showAlert((prefix ? prefix + " " : "") + detail.message + " (" + detail.reasonCode + ")");
      setStatus("");
    }

    /** The buyer changed their choice: tell the emulator, then the merchant (address changes). */
    function selectionChanged(addressChanged) {
      var mine = ++seq;
      showAlert("");
      var body = { buyerId: state.buyerId, paymentMethodId: state.paymentMethodId };
      if (state.data.productType === "PayAndShip") body.addressId = state.addressId;
      if (state.data.productType === "PayAndShip" && !state.addressId) {
        state.addressError =
          "None of this buyer's addresses can be used for this order; choose another buyer.";
        showAlert(state.addressError);
        return refreshPay();
      }
      var firstTime = state.cart === null;
      if (addressChanged) state.addressError = null;
      setStatus("Updating…");
      return track(api("/checkout/buy-now/sessions/" + encodeURIComponent(state.id) + "/selection", body))
        .then(function (event) {
          if (mine !== seq) return undefined;
          if (!addressChanged && !firstTime) return setStatus("");
          var handler = firstTime ? options.onInitCheckout : options.onShippingAddressSelection;
          if (typeof handler !== "function") {
            return sendCart("address", state.rawCart).then(function () {
              setStatus("");
            });
          }
          return track(callHandler(handler, event)).then(function (result) {
            if (mine !== seq) return undefined;
            if (isError(result) || !result) {
              var message =
                (result && result.message) ||
                (firstTime
                  ? "The merchant could not start the checkout."
                  : "The merchant cannot ship to this address. Choose another address.");
              state.addressError = message;
              showAlert(message + (result && result.reasonCode ? " (" + result.reasonCode + ")" : ""));
              setStatus("");
              return refreshPay();
            }
            return sendCart(firstTime ? "init" : "address", result).then(function () {
              setStatus("");
            });
          });
        })
        .catch(function (error) {
          if (mine === seq) fail(error);
        });
    }

    function deliveryChanged(option) {
      var mine = ++seq;
      setStatus("Updating delivery option…");
      track(
        callHandler(options.onDeliveryOptionSelection, {
          amazonCheckoutSessionId: state.id,
          deliveryOptions: { id: option.id, price: option.price, shippingMethod: option.shippingMethod },
        }),
      )
        .then(function (result) {
          if (mine !== seq) return undefined;
          if (isError(result) || !result)
            throw Object.assign(
              new Error((result && result.message) || "The merchant could not change the delivery option."),
              { reasonCode: (result && result.reasonCode) || "MerchantHandlerFailed" },
            );
          return sendCart("delivery", result, { deliveryOptionId: option.id });
        })
        .then(function () {
          setStatus("");
        })
        .catch(function (error) {
          if (mine === seq) fail(error);
        });
    }

    function pay() {
      if (!canPay()) return;
      showAlert("");
      setStatus("Processing your payment…");
      track(api("/checkout/buy-now/sessions/" + encodeURIComponent(state.id) + "/confirm", {}))
        .then(function (event) {
          return track(callHandler(options.onCompleteCheckout, event));
        })
        .then(function (result) {
          if (result && result.status === "redirectRequired" && result.redirectUrl) {
            close();
            return window.location.assign(result.redirectUrl);
          }
          if (!isError(result)) {
            setStatus("Payment complete.");
            return close();
          }
          return api("/checkout/buy-now/sessions/" + encodeURIComponent(state.id)).then(function (s) {
            var open = s.state === "Open";
            showAlert(
              (result.message || "The payment could not be completed.") +
                (result.reasonCode ? " (" + result.reasonCode + ")" : "") +
                (open ? "" : " This checkout can no longer be completed."),
            );
            setStatus("");
            if (!open) {
              state.done = true;
              cancelButton.textContent = "Close";
            }
            refreshPay();
          });
        })
        .catch(function (error) {
          fail(error);
        });
    }

    function cancel() {
      if (state.done) return close();
      var id = state.id;
      state.done = true;
      var finish = function () {
        close();
        if (id && typeof options.onCancel === "function") {
          try {
            options.onCancel({ amazonCheckoutSessionId: id });
          } catch (e) {
            /* the merchant's handler failed */
          }
        }
      };
      if (!id) return finish();
      api("/checkout/buy-now/sessions/" + encodeURIComponent(id) + "/cancel", {}).then(
        finish,
        function (error) {
          reportError(error);
          finish();
        },
      );
    }

    payButton.addEventListener("click", pay);
    cancelButton.addEventListener("click", cancel);
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      cancel();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "Tab") return;
      var focusable = Array.prototype.filter.call(
        dialog.querySelectorAll("button, input, a[href], [tabindex]:not([tabindex='-1'])"),
        function (el) {
          return (
            !el.disabled &&
            el.offsetParent !== null &&
            !(
              el.type === "radio" &&
              !el.checked &&
              dialog.querySelector('input[name="' + el.name + '"]:checked')
            )
          );
        },
      );
      if (focusable.length === 0) return;
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });

    document.body.appendChild(dialog);
    dialog.showModal();
    setStatus("Connecting to Amazon Pay…");
    track(
      api("/checkout/buy-now/sessions", {
        merchantId: options.merchantId,
        publicKeyId: options.publicKeyId,
        ledgerCurrency: options.ledgerCurrency,
        productType: options.productType || "PayAndShip",
        placement: options.placement,
        checkoutLanguage: options.checkoutLanguage,
        checkoutSessionConfig: options.checkoutSessionConfig || {},
      }),
    )
      .then(function (data) {
        state.id = data.amazonCheckoutSessionId;
        state.data = data;
        var signedIn = data.buyers.filter(function (b) {
          return b.buyerId === data.signedInBuyerId;
        })[0];
        var buyer = signedIn || data.buyers[0];
        state.buyerId = buyer.buyerId;
        state.addressId = firstAllowedAddress(buyer);
        state.paymentMethodId = data.paymentMethods[0].id;
        renderBuyers();
        renderAddresses();
        renderPayments();
        var checked = dialog.querySelector("input:checked");
        if (checked) checked.focus();
        return selectionChanged(true);
      })
      .catch(function (error) {
        fail(error, "Amazon Pay could not start the checkout:");
        state.done = true;
        cancelButton.textContent = "Close";
      });
  }

  function renderJSButton(selector, options) {
    options = Object.assign({}, options || {});
    ["onInitCheckout", "onCompleteCheckout", "onCancel"].forEach(function (name) {
      if (typeof options[name] !== "function")
        throw new Error("amazon.Pay.renderJSButton: the " + name + " handler is required");
    });
    var button = mount(selector, "renderJSButton", createButton(options, "amazon-pay-buy-now-button"));
    button.addEventListener("click", function () {
      openBuyNow(options);
    });
    return {
      updateButtonInfo: function (estimatedOrderAmount) {
        options.estimatedOrderAmount = estimatedOrderAmount;
      },
    };
  }

  window.amazon = window.amazon || {};
  window.amazon.Pay = {
    renderButton: renderButton,
    renderJSButton: renderJSButton,
    bindChangeAction: bindChangeAction,
    signout: signout,
    emulatorOrigin: ORIGIN,
  };
})();
