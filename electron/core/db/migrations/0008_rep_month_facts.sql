CREATE TABLE `rep_month_facts` (
	`month` text NOT NULL,
	`rep_id` integer NOT NULL,
	`sales_fen` integer NOT NULL,
	PRIMARY KEY(`month`, `rep_id`),
	CONSTRAINT "rep_month_facts_sales_fen_int" CHECK(typeof("rep_month_facts"."sales_fen") = 'integer')
);
--> statement-breakpoint
-- rep_month_facts from the documents already in the database (summaries.ts' recomputation; = sales_facts by month and rep)
INSERT INTO rep_month_facts (month, rep_id, sales_fen) select substr(date, 1, 7) as month, rep_id, sum(s) from (
    select o.date, coalesce(o.rep_id, 0) as rep_id, o.total_fen as s from orders o where o.state <> 'draft'
    union all
    select t.date, coalesce(o.rep_id, 0), -t.total_fen from returns t join orders o on o.id = t.order_id where t.state = 'posted')
  group by substr(date, 1, 7), rep_id;
--> statement-breakpoint
-- kept current from sales_facts' own changes (0005's triggers write it in the transaction that posts a document); a
-- month's row goes when no sales_facts row of that month and rep is left
CREATE TRIGGER `sales_facts_rep_month_insert` AFTER INSERT ON `sales_facts`
BEGIN
  INSERT INTO rep_month_facts (month, rep_id, sales_fen) VALUES (substr(NEW.date, 1, 7), NEW.rep_id, NEW.sales_fen)
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_facts_rep_month_update` AFTER UPDATE ON `sales_facts`
BEGIN
  UPDATE rep_month_facts SET sales_fen = sales_fen - OLD.sales_fen WHERE month = substr(OLD.date, 1, 7) AND rep_id = OLD.rep_id;
  INSERT INTO rep_month_facts (month, rep_id, sales_fen) VALUES (substr(NEW.date, 1, 7), NEW.rep_id, NEW.sales_fen)
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen;
  DELETE FROM rep_month_facts WHERE month = substr(OLD.date, 1, 7) AND rep_id = OLD.rep_id AND sales_fen = 0
    AND NOT EXISTS (SELECT 1 FROM sales_facts WHERE date BETWEEN substr(OLD.date, 1, 7) || '-01' AND substr(OLD.date, 1, 7) || '-31' AND rep_id = OLD.rep_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sales_facts_rep_month_delete` AFTER DELETE ON `sales_facts`
BEGIN
  UPDATE rep_month_facts SET sales_fen = sales_fen - OLD.sales_fen WHERE month = substr(OLD.date, 1, 7) AND rep_id = OLD.rep_id;
  DELETE FROM rep_month_facts WHERE month = substr(OLD.date, 1, 7) AND rep_id = OLD.rep_id AND sales_fen = 0
    AND NOT EXISTS (SELECT 1 FROM sales_facts WHERE date BETWEEN substr(OLD.date, 1, 7) || '-01' AND substr(OLD.date, 1, 7) || '-31' AND rep_id = OLD.rep_id);
END;
