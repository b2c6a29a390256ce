# De twee commando's voor iedereen: `make run` en `make test`. De rest is voor beheerders.
.PHONY: run test setup kb lookups train shell bench eval check validate opruimen clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

setup:
	@scripts/setup_env.sh rasa
	@scripts/setup_env.sh bot

# Snel (zonder trainen): kennisbank, lookup-tabellen, rasa data validate, vragenbank, documentatie, lint.
check: setup
	@scripts/check.sh

validate: setup
	@.venv/bot/bin/python -m bot kb validate

kb: setup
	@.venv/bot/bin/python -m bot kb load

lookups: setup
	@.venv/bot/bin/python -m bot nlu lookups

train: setup lookups
	@scripts/train.sh >/dev/null

shell: setup
	@scripts/shell.sh

bench: setup
	@scripts/bench.sh

# De vragenbank end-to-end: start de assistent zoals make run (traint zo nodig), stelt elke vraag over
# REST en vergelijkt met BM25 over de bronteksten (BRONNEN_DIR, standaard ../shared/sources).
eval: setup
	@.venv/bot/bin/python -m tests.vragenbank.evaluate

# Verwijdert gesprekken ouder dan BEWAARTERMIJN_DAGEN (standaard 30) uit TRACKER_STORE_URL; `make opruimen DAGEN=7`.
opruimen: setup
	@.venv/bot/bin/python -m bot gesprekken opruimen $(if $(DAGEN),--dagen $(DAGEN))

clean:
	rm -rf models results var .pytest_cache
