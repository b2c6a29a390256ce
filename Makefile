# De twee commando's voor iedereen: `make run` en `make test`. De rest is voor beheerders.
.PHONY: run test setup kb lookups train shell bench validate opruimen clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

setup:
	@scripts/setup_env.sh rasa
	@scripts/setup_env.sh bot

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

# Verwijdert gesprekken ouder dan BEWAARTERMIJN_DAGEN (standaard 30) uit TRACKER_STORE_URL; `make opruimen DAGEN=7`.
opruimen: setup
	@.venv/bot/bin/python -m bot gesprekken opruimen $(if $(DAGEN),--dagen $(DAGEN))

clean:
	rm -rf models results var .pytest_cache
