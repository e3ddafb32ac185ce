"""The cashier during the replay: invoices, credit notes, payments and the daily till.

Every invoice and payment is linked into the fiscal hash chain the moment it is issued
(``chain_seq``, ``prev_hash``, ``hash`` over the canonical bytes of app/cashier/chain.py, built
by ``canonical``), and the replay issues them in time order, so the chain runs in issue order.
Each payer's payments stop at that payer's share; a wrong invoice title now and then is put
right by a credit note, refunds and a new invoice.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

from app.cashier.chain import GENESIS_HASH
from app.devtools.bulkdata.calendar import local_day, local_seconds
from app.devtools.bulkdata.canonical import invoice_bytes, invoice_line_doc, payment_bytes, sha256
from app.devtools.bulkdata.events import CREDIT, PAY, Events
from app.devtools.bulkdata.orders import (
    CHARGE,
    CUSTOMER,
    INSURER,
    INTERNAL,
    LABOUR,
    PART,
    WARRANTY,
    Amounts,
    Line,
    Order,
    Series,
    Staff,
    between,
    pick,
)
from app.devtools.bulkdata.writer import BulkWriter
from app.money import ROUNDING_RULE

_PAYERS = (CUSTOMER, INSURER, WARRANTY, INTERNAL)
_METHODS = ("cash", "card", "wechat_pay", "alipay", "bank_transfer")
# payment method mix at the start and at the end of the decade (cash gave way to WeChat Pay)
_MIX_START = (30.0, 40.0, 15.0, 12.0, 3.0)
_MIX_END = (5.0, 18.0, 50.0, 24.0, 3.0)
_OPEN_FLOAT = 50000  # till opening float, fen
_CREDIT_REASON = "发票抬头有误，红冲重开"
Invoiced = tuple[int, str, int, dict[str, int]]  # id, number, gross, shares per payer


class Cashier:
    """Issues the fiscal documents of the replay and keeps the chain head and the till."""

    def __init__(self, staff: Staff, writer: BulkWriter, rng: random.Random, events: Events,
                 series: dict[str, Series], amounts: Amounts, *, currency: str,
                 prices_include_tax: bool, start_day: int, today_day: int,
                 deliver: Callable[[int, Order], None]) -> None:
        self.staff = staff
        self.rng = rng
        self.events = events
        self.series = series
        self.amounts = amounts
        self.t = writer.time
        self.currency = currency
        self.inclusive = prices_include_tax
        self.start_day, self.today_day = start_day, today_day
        self.deliver = deliver
        self.chain_seq = 0
        self.chain_hash = GENESIS_HASH
        self.till: list[int] = []  # id, day, cash taken
        t = writer.table
        self.r_invoice = t("invoice", (
            "id", "number", "kind", "repair_order_id", "customer_id", "issued_at",
            "issued_by_id", "currency", "prices_include_tax", "rounding_rule", "net_total",
            "tax_total", "gross_total", "customer_share", "insurer_share", "warranty_share",
            "internal_share", "original_invoice_id", "reason", "chain_seq", "prev_hash",
            "hash"))
        self.r_invoice_line = t("invoice_line", (
            "id", "invoice_id", "position", "line_type", "code", "description", "quantity",
            "unit_price", "discount", "payer", "tax_rate", "net", "tax", "gross"))
        self.r_payment = t("payment", (
            "id", "number", "invoice_id", "method", "payer", "amount", "tendered", "reference",
            "idempotency_key", "till_session_id", "received_at", "received_by_id",
            "chain_seq", "prev_hash", "hash"))
        self.r_till = t("till_session", (
            "id", "terminal", "status", "opened_by_id", "opened_at", "opening_float",
            "closed_by_id", "closed_at", "expected_cash", "counted_cash", "version"))
        self._invoice_id = itertools.count(1).__next__
        self._invoice_line_id = itertools.count(1).__next__
        self._payment_id = itertools.count(1).__next__
        self._till_id = itertools.count(1).__next__

    def _billable(self, o: Order) -> list[Line]:
        return [line for kind in (LABOUR, PART, CHARGE) for line in o.lines
                if line.kind == kind and line.billable]

    def _cashier(self, t: int) -> int:
        cashiers = self.staff.cashiers
        return cashiers[(local_day(t) + t // 3600) % len(cashiers)]

    def settle(self, t: int, o: Order) -> None:
        """Invoice the order; the customer pays a moment later (another event)."""
        rng = self.rng
        cashier = self._cashier(t)
        invoice = self._invoice(o, t, cashier, self._billable(o))
        if o.state == "invoiced":  # still here this morning: paid in part, in full or not
            r = rng.random()
            if r < 0.6:
                self.events.push(t + between(rng, 30, 180), PAY, (o, invoice, r < 0.4, False))
            return
        if o.credit:
            o.status_rows.append(("completed", "invoiced", t, cashier, ""))
            if rng.random() < 0.3:  # noticed after paying: the money goes back
                self.events.push(t + between(rng, 30, 180), PAY, (o, invoice, True, True))
            else:
                self.events.push(t + between(rng, 60, 300), CREDIT, (o, invoice, []))
            return
        self.events.push(t + between(rng, 30, 180), PAY, (o, invoice, True, False))

    def pay(self, t: int, o: Order, invoice: Invoiced,
             full: bool, then_credit: bool) -> None:
        """The customer pays (split, maybe only half); then the car goes home."""
        rng = self.rng
        cashier = self._cashier(t)
        paid = self._payments(o, invoice, t, cashier, full=full)
        if then_credit:
            self.events.push(t + between(rng, 120, 600), CREDIT, (o, invoice, paid))
        elif o.state != "invoiced":
            self.deliver(t + len(paid) + between(rng, 120, 600), o)

    def credit(self, t: int, o: Order, invoice: Invoiced,
                paid: list[tuple[int, str, str, int]]) -> None:
        """The invoice title was wrong: a credit note, refunds, and a new invoice."""
        cashier = self._cashier(t)
        note = self._invoice(o, t, cashier, self._billable(o), original=invoice,
                             reason=_CREDIT_REASON)
        key = f"{self.rng.getrandbits(64):016x}"
        for i, (_at, method, payer, amount) in enumerate(paid):
            self._payment(note[0], method, payer, -amount, None, "原路退回", f"{key}:{i}",
                          t + i + 1, cashier)
        o.status_rows.append(("invoiced", "completed", t, cashier,
                              f"{invoice[1]}: {_CREDIT_REASON}"))
        o.status_rows.append(("completed", "invoiced", t + 300, cashier, ""))
        o.credit = False
        invoice = self._invoice(o, t + 300, cashier, self._billable(o))
        self.events.push(t + 300 + between(self.rng, 30, 180), PAY, (o, invoice, True, False))

    def _chain(self) -> tuple[int, str]:
        self.chain_seq += 1
        return self.chain_seq, self.chain_hash

    def _invoice(self, o: Order, t: int, cashier: int, lines: list[Line], *,
                 original: Invoiced | None = None,
                 reason: str = "") -> Invoiced:
        """Issue an invoice (or, with ``original``, its credit note); (id, number, gross,
        shares)."""
        sign = -1 if original else 1
        invoice_id = self._invoice_id()
        number = self.series["credit_note" if original else "invoice"].next()
        docs, rows = [], []
        net = tax = gross = 0
        shares = dict.fromkeys(_PAYERS, 0)
        for position, line in enumerate(lines, start=1):
            lnet, ltax, lgross = sign * line.net, sign * line.tax, sign * line.gross
            net, tax, gross = net + lnet, tax + ltax, gross + lgross
            shares[line.payer] += lgross
            docs.append(invoice_line_doc(position, line.kind, line.code, line.description,
                                         line.payer, self.amounts.texts(line, sign)))
            rows.append((self._invoice_line_id(), invoice_id, position, line.kind, line.code,
                         line.description, sign * line.qty, line.price, line.disc,
                         line.payer, line.rate, lnet, ltax, lgross))
        seq, prev = self._chain()
        kind = "credit_note" if original else "invoice"
        original_id = original[0] if original else None
        digest = sha256(invoice_bytes(
            chain_seq=seq, prev_hash=prev, number=number, kind=kind, repair_order_id=o.id,
            customer_id=o.customer + 1, issued_at=self.t.canonical(t), issued_by_id=cashier,
            currency=self.currency, prices_include_tax=self.inclusive,
            rounding_rule=ROUNDING_RULE, net_total=net, tax_total=tax, gross_total=gross,
            customer_share=shares[CUSTOMER], insurer_share=shares[INSURER],
            warranty_share=shares[WARRANTY], internal_share=shares[INTERNAL],
            original_invoice_id=original_id, reason=reason, lines=docs))
        self.chain_hash = digest
        self.r_invoice.append((invoice_id, number, kind, o.id, o.customer + 1,
                               self.t.stored(t), cashier, self.currency, self.inclusive,
                               ROUNDING_RULE, net, tax, gross, shares[CUSTOMER],
                               shares[INSURER], shares[WARRANTY], shares[INTERNAL],
                               original_id, reason, seq, prev, digest))
        self.r_invoice_line.extend(rows)
        return invoice_id, number, gross, shares

    def _mix(self, t: int) -> list[float]:
        x = (local_day(t) - self.start_day) / max(self.today_day - self.start_day, 1)
        return [a + (b - a) * x for a, b in zip(_MIX_START, _MIX_END, strict=True)]

    def _payments(self, o: Order, invoice: Invoiced, t: int,
                  cashier: int, *, full: bool) -> list[tuple[int, str, str, int]]:
        """Take the money of each payer's share (the customer's maybe split, maybe half)."""
        rng = self.rng
        invoice_id, _number, _gross, shares = invoice
        key = f"{rng.getrandbits(64):016x}"
        parts: list[tuple[str, str, int]] = []
        customer = shares[CUSTOMER]
        if customer > 0:
            if not full:
                customer = customer // 2 // 100 * 100 or customer
            if o.company:
                parts.append(("bank_transfer" if rng.random() < 0.6 else "account", CUSTOMER,
                              customer))
            else:
                splits = 1 if rng.random() < 0.85 or customer < 20000 else \
                    2 if rng.random() < 0.8 else 3
                weights = self._mix(t)
                left = customer
                for i in range(splits):
                    method = rng.choices(_METHODS, weights)[0]
                    if i == splits - 1:
                        amount = left
                    else:
                        amount = max(left * between(rng, 30, 70) // 100 // 100 * 100, 100)
                    if amount <= 0:
                        break
                    parts.append((method, CUSTOMER, amount))
                    left -= amount
        for payer in (INSURER, WARRANTY, INTERNAL):
            if shares[payer] > 0:
                parts.append(("account", payer, shares[payer]))
        done: list[tuple[int, str, str, int]] = []
        for i, (method, payer, amount) in enumerate(parts):
            tendered = None
            if method == "cash" and rng.random() < 0.7:
                tendered = (amount + 9999) // 10000 * 10000
            t += 1
            self._payment(invoice_id, method, payer, amount, tendered,
                          self._reference(method, payer, t), f"{key}:{i}", t, cashier)
            done.append((t, method, payer, amount))
        return done

    def _reference(self, method: str, payer: str, t: int) -> str:
        rng = self.rng
        if payer == INSURER:
            return f"理赔号 RDAA{self.t.date(local_day(t))[:4]}{rng.randrange(10**10):010d}"
        if payer == WARRANTY:
            return f"索赔单 WC{rng.randrange(10**8):08d}"
        if payer == INTERNAL:
            return "内部结算"
        if method == "wechat_pay":
            return f"4200{rng.randrange(10**24):024d}"
        if method == "alipay":
            return f"{self.t.date(local_day(t)).replace('-', '')}2200{rng.randrange(10**16):016d}"
        if method == "card":
            return f"POS{rng.randrange(10**6):06d} 卡尾号{rng.randrange(10**4):04d}"
        if method == "bank_transfer":
            return f"网银{rng.randrange(10**12):012d}"
        return ""

    def _payment(self, invoice_id: int, method: str, payer: str, amount: int,
                 tendered: int | None, reference: str, key: str, t: int, cashier: int) -> int:
        payment_id = self._payment_id()
        number = self.series["receipt"].next()
        till = self._till_for(t, amount) if method == "cash" else None
        seq, prev = self._chain()
        digest = sha256(payment_bytes(
            chain_seq=seq, prev_hash=prev, number=number, invoice_id=invoice_id, method=method,
            payer=payer, amount=amount, tendered=tendered, reference=reference,
            idempotency_key=key, till_session_id=till, received_at=self.t.canonical(t),
            received_by_id=cashier))
        self.chain_hash = digest
        self.r_payment.append((payment_id, number, invoice_id, method, payer, amount, tendered,
                               reference, key, till, self.t.stored(t), cashier, seq, prev,
                               digest))
        return payment_id

    def _till_for(self, t: int, amount: int) -> int:
        """The day's till (opened at eight, closed in the evening); adds the cash to it."""
        day = local_day(t)
        if not self.till or self.till[1] != day:
            self.close_till()
            self.till = [self._till_id(), day, 0]
        self.till[2] += amount
        return self.till[0]

    def close_till(self, *, final: bool = False) -> None:
        """Write the current till row: closed and counted, or (today's) still open."""
        ts = self.t.stored
        cashier = self.staff.cashiers[0]
        if final and (not self.till or self.till[1] != self.today_day):
            self.close_till()
            self.till = [self._till_id(), self.today_day, 0]
        if not self.till:
            return
        till_id, day, cash = self.till
        opened = ts(local_seconds(day, 8 * 60))
        if final:
            self.r_till.append((till_id, "收银台1", "open", cashier, opened, _OPEN_FLOAT, None,
                                None, None, None, 1))
        else:
            expected = _OPEN_FLOAT + cash
            counted = expected if self.rng.random() < 0.97 else \
                expected + pick(self.rng, (-1, 1)) * between(self.rng, 1, 50) * 100
            self.r_till.append((till_id, "收银台1", "closed", cashier, opened, _OPEN_FLOAT,
                                cashier, ts(local_seconds(day, 19 * 60)), expected, counted, 2))
        self.till = []
