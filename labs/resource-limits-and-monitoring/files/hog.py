# A program that needs 200 MiB: it takes memory 10 MiB at a time, as a job loading a big
# dataset (or one with a leak) would, and says how much it holds after each step.
import time

held = []
for step in range(1, 21):
    # bytearray fills its memory with zeros, so every page is really in use, not just promised.
    held.append(bytearray(10 * 1024 * 1024))
    print(f"holding {step * 10} MiB", flush=True)
    time.sleep(0.1)
print("done: all 200 MiB allocated", flush=True)
